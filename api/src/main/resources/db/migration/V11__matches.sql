-- Matches between one NEED and one HAVE, and the per-user inbox of what happened to them.
-- Lifecycle: SUGGESTED (the platform found a strong fit) → PROPOSED (a member of either side)
-- → ACCEPTED / DECLINED (the other side) or WITHDRAWN (the proposer) → FULFILLED (either side).

create table listing_match (
    id                   uuid primary key default gen_random_uuid(),
    municipality_code    char(6) not null references municipality (code),
    need_id              uuid not null references listing (id),
    have_id              uuid not null references listing (id),
    need_organization_id uuid not null references organization (id),
    have_organization_id uuid not null references organization (id),
    status               text not null check (status in ('SUGGESTED', 'PROPOSED', 'ACCEPTED', 'DECLINED',
                                                          'WITHDRAWN', 'FULFILLED')),
    -- The score and reasons (language-neutral: codes and the ids, names or words they refer to)
    -- as matching computed them when the match was suggested or proposed.
    score                numeric(4, 3) not null check (score between 0 and 1),
    reasons              jsonb not null default '[]',
    proposed_side        text check (proposed_side in ('NEED', 'HAVE')),
    proposed_by          uuid references app_user (id),
    message              text,
    response_note        text,
    quantity             integer check (quantity > 0),
    suggested_at         timestamptz,
    proposed_at          timestamptz,
    responded_at         timestamptz,
    fulfilled_at         timestamptz,
    version              bigint not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check (need_organization_id <> have_organization_id),
    check (status = 'SUGGESTED' or proposed_side is not null)
);
-- One live match per pair; a declined or withdrawn pair may be proposed again.
create unique index listing_match_live on listing_match (need_id, have_id)
    where status in ('SUGGESTED', 'PROPOSED', 'ACCEPTED');
create index listing_match_need on listing_match (need_id);
create index listing_match_have on listing_match (have_id);
create index listing_match_need_org on listing_match (need_organization_id, created_at desc);
create index listing_match_have_org on listing_match (have_organization_id, created_at desc);

create table notification (
    id                uuid primary key default gen_random_uuid(),
    user_id           uuid not null references app_user (id),
    municipality_code char(6) references municipality (code),
    kind              text not null,
    match_id          uuid references listing_match (id) on delete set null,
    listing_id        uuid references listing (id),
    project_id        uuid,
    -- The organisation on the other side of what happened.
    organization_id   uuid references organization (id),
    -- Texts the message is made of, captured when it happened (titles and names may change later).
    subject           text not null,
    detail            text,
    counterpart       text,
    created_at        timestamptz not null default now(),
    read_at           timestamptz
);
create index notification_user on notification (user_id, created_at desc);
create index notification_unread on notification (user_id) where read_at is null;
