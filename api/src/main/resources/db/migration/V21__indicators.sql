-- Indicators (成果指標): owned by the municipality or by a plan, optionally linked to plan items,
-- with values per fiscal year: at most one baseline, targets and actuals.

create table indicator (
    id                uuid primary key default gen_random_uuid(),
    municipality_code char(6) not null references municipality (code),
    -- null: the municipality's own indicator; else the plan that owns it
    plan_id           uuid references plan (id),
    name              text not null,
    unit              text not null,
    direction         text not null check (direction in ('INCREASE', 'DECREASE', 'MAINTAIN')),
    source            text not null check (source in ('RESIDENT_SURVEY', 'STAFF_SURVEY', 'STATISTICS', 'OTHER')),
    definition        text,
    decimals          integer not null default 0 check (decimals between 0 and 4),
    -- MAINTAIN: how far (in the unit) an actual may be from the baseline and still be on track
    tolerance         numeric check (tolerance >= 0),
    sort_order        integer not null default 0,
    created_by        uuid references app_user (id),
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index indicator_municipality on indicator (municipality_code, sort_order);
create index indicator_plan on indicator (plan_id);

create table indicator_item (
    indicator_id  uuid not null references indicator (id) on delete cascade,
    item_id       uuid not null references plan_item (id) on delete cascade,
    primary key (indicator_id, item_id)
);
create index indicator_item_item on indicator_item (item_id);

create table indicator_value (
    indicator_id  uuid not null references indicator (id) on delete cascade,
    fiscal_year   integer not null check (fiscal_year between 1900 and 2200),
    baseline      numeric,
    target        numeric,
    actual        numeric,
    note          text,
    source_date   date,
    updated_by    uuid references app_user (id),
    updated_at    timestamptz not null default now(),
    primary key (indicator_id, fiscal_year),
    check (baseline is not null or target is not null or actual is not null or note is not null or source_date is not null)
);
-- At most one fiscal year of an indicator holds the baseline.
create unique index indicator_one_baseline on indicator_value (indicator_id) where baseline is not null;
