-- Plans (地域づくり計画 / 推進プラン): owned by a community council or by the municipality,
-- an ordered tree of items with one status per fiscal year on each leaf, immutable published
-- versions, and reviews (ふりかえり) per fiscal year.

create table plan (
    id                    uuid primary key default gen_random_uuid(),
    municipality_code     char(6) not null references municipality (code),
    -- null: the municipality's own plan; else the community council that owns it
    organization_id       uuid references organization (id),
    -- null: city-wide
    area_id               uuid references area (id),
    title                 text not null,
    vision                text,
    description           text,
    start_fiscal_year     integer not null check (start_fiscal_year between 1900 and 2200),
    end_fiscal_year       integer not null check (end_fiscal_year between 1900 and 2200),
    status                text not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    latest_version        integer,
    unpublished_changes   boolean not null default true,
    created_by            uuid references app_user (id),
    version               bigint not null default 0,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    check (end_fiscal_year >= start_fiscal_year and end_fiscal_year - start_fiscal_year < 30)
);
create index plan_municipality on plan (municipality_code, status);
create index plan_organization on plan (organization_id);

create table plan_item (
    id           uuid primary key default gen_random_uuid(),
    plan_id      uuid not null references plan (id) on delete cascade,
    parent_id    uuid references plan_item (id) on delete cascade,
    code         text not null,
    title        text not null,
    description  text,
    sort_order   integer not null default 0,
    -- deferred: an import may swap two items' codes within one transaction
    constraint plan_item_code unique (plan_id, code) deferrable initially deferred
);
create index plan_item_plan on plan_item (plan_id, parent_id, sort_order);

create table plan_item_status (
    item_id      uuid not null references plan_item (id) on delete cascade,
    plan_id      uuid not null references plan (id) on delete cascade,
    fiscal_year  integer not null,
    status       text not null check (status in ('NOT_STARTED', 'UNDER_STUDY', 'PARTLY_DONE', 'ONGOING', 'DONE')),
    updated_by   uuid references app_user (id),
    updated_at   timestamptz not null default now(),
    primary key (item_id, fiscal_year)
);
create index plan_item_status_plan on plan_item_status (plan_id, fiscal_year);

-- A published version: a snapshot of the plan, its item tree and statuses. Never changed.
create table plan_version (
    plan_id       uuid not null references plan (id) on delete cascade,
    number        integer not null check (number >= 1),
    published_at  timestamptz not null default now(),
    published_by  uuid references app_user (id),
    note          text,
    snapshot      jsonb not null,
    primary key (plan_id, number)
);

create function plan_version_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'plan versions are immutable';
end $$;
create trigger plan_version_immutable before update on plan_version
    for each row execute function plan_version_is_immutable();

create table plan_review (
    id            uuid primary key default gen_random_uuid(),
    plan_id       uuid not null references plan (id) on delete cascade,
    fiscal_year   integer not null,
    kind          text not null check (kind in ('SELF', 'MUTUAL', 'THIRD_PARTY')),
    evaluator     text,
    summary       text not null,
    findings      text,
    next_actions  text,
    author_id     uuid references app_user (id),
    version       bigint not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index plan_review_plan on plan_review (plan_id, fiscal_year);
