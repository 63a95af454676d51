-- Brokering (つなぐ): staff of the municipality or an approved coordinator (中間支援組織) propose a
-- match between two other organisations; both sides accept before it is ACCEPTED.
alter table listing_match
    add column broker_id              uuid references app_user (id),
    add column broker_organization_id uuid references organization (id),
    add column need_accepted_at       timestamptz,
    add column have_accepted_at       timestamptz;

-- A proposal is made by one side or by a broker.
do $$
declare c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'listing_match'::regclass and contype = 'c'
               and pg_get_constraintdef(oid) like '%proposed_side IS NOT NULL%' loop
        execute 'alter table listing_match drop constraint ' || quote_ident(c.conname);
    end loop;
end $$;
alter table listing_match add constraint listing_match_proposer
    check (status = 'SUGGESTED' or proposed_side is not null or broker_id is not null);

create index listing_match_brokered on listing_match (municipality_code, proposed_at desc)
    where broker_id is not null;
-- The liaison queue: suggestions nobody acted on, oldest first.
create index listing_match_waiting on listing_match (municipality_code, suggested_at)
    where status = 'SUGGESTED';

-- 中間支援組織 that staff approved as coordinators: their members may broker matches.
create table coordinator (
    organization_id   uuid primary key references organization (id),
    municipality_code char(6) not null references municipality (code),
    approved_by       uuid not null references app_user (id),
    approved_at       timestamptz not null default now()
);
create index coordinator_municipality on coordinator (municipality_code);
