-- Kyoso foundation: users, municipalities and their staff, areas, organisations, audit,
-- idempotent creates. Every row of municipal data carries its municipality's code.

create table app_user (
    id            uuid primary key default gen_random_uuid(),
    issuer        text not null,
    subject       text not null,
    display_name  text,
    email         text,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    constraint app_user_identity unique (issuer, subject)
);
create index app_user_email on app_user (lower(email));

create table municipality (
    code          char(6) primary key check (code ~ '^[0-9]{6}$'),
    name          text not null,
    name_kana     text not null,
    prefecture    text not null,
    concept_term  text not null check (concept_term in ('COLLABORATIVE_CREATION', 'CO_CREATION', 'COLLABORATION')),
    version       bigint not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create table staff_membership (
    municipality_code char(6) not null references municipality (code),
    user_id           uuid not null references app_user (id),
    role              text not null check (role in ('STAFF', 'MANAGER')),
    created_at        timestamptz not null default now(),
    primary key (municipality_code, user_id)
);
create index staff_membership_user on staff_membership (user_id);

create table area (
    id                uuid primary key default gen_random_uuid(),
    municipality_code char(6) not null references municipality (code),
    parent_id         uuid references area (id),
    kind              text not null check (kind in ('DISTRICT', 'SCHOOL_ZONE', 'NEIGHBOURHOOD', 'OTHER')),
    name              text not null,
    name_kana         text,
    population        integer check (population >= 0),
    aged65_share      numeric(5, 1) check (aged65_share between 0 and 100),
    households        integer check (households >= 0),
    profile_as_of     date,
    sort_order        integer not null default 0,
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index area_municipality on area (municipality_code, parent_id);

create table liaison_assignment (
    id          uuid primary key default gen_random_uuid(),
    area_id     uuid not null references area (id) on delete cascade,
    user_id     uuid not null references app_user (id),
    role        text not null check (role in ('SUPPORTER', 'COORDINATOR', 'PRODUCER')),
    starts_on   date not null,
    ends_on     date,
    created_at  timestamptz not null default now(),
    check (ends_on is null or ends_on >= starts_on)
);
create index liaison_assignment_area on liaison_assignment (area_id);

create table organization (
    id                uuid primary key default gen_random_uuid(),
    municipality_code char(6) not null references municipality (code),
    type              text not null,
    bond              text not null check (bond in ('TERRITORIAL', 'THEMATIC', 'HYBRID')),
    name              text not null,
    name_kana         text,
    description       text,
    website           text,
    themes            text[] not null default '{}',
    area_ids          uuid[] not null default '{}',
    contact_name      text,
    contact_email     text,
    contact_phone     text,
    status            text not null check (status in ('PENDING', 'ACTIVE', 'SUSPENDED')),
    search_text       text not null default '',
    search_grams      text[] not null default '{}',
    deleted_at        timestamptz,
    created_by        uuid references app_user (id),
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index organization_municipality on organization (municipality_code, status) where deleted_at is null;
create index organization_themes on organization using gin (themes);
create index organization_areas on organization using gin (area_ids);
create index organization_search on organization using gin (search_grams);

create table organization_membership (
    organization_id uuid not null references organization (id),
    user_id         uuid not null references app_user (id),
    role            text not null check (role in ('OWNER', 'EDITOR')),
    created_at      timestamptz not null default now(),
    primary key (organization_id, user_id)
);
create index organization_membership_user on organization_membership (user_id);

create table organization_invitation (
    id              uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id),
    code            text not null unique,
    role            text not null check (role in ('OWNER', 'EDITOR')),
    created_by      uuid not null references app_user (id),
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    accepted_by     uuid references app_user (id),
    accepted_at     timestamptz,
    revoked_at      timestamptz
);
create index organization_invitation_org on organization_invitation (organization_id);

-- Who changed what, when, with the state before and after. Append-only.
create table audit_entry (
    id                uuid primary key default gen_random_uuid(),
    municipality_code char(6),
    actor_id          uuid references app_user (id),
    actor_name        text,
    occurred_at       timestamptz not null default now(),
    action            text not null,
    entity_type       text not null,
    entity_id         text not null,
    before_state      jsonb,
    after_state       jsonb
);
create index audit_entry_municipality on audit_entry (municipality_code, occurred_at desc);
create index audit_entry_entity on audit_entry (entity_type, entity_id);

-- The first answer to a create, replayed when a client retries with the same Idempotency-Key.
create table idempotent_request (
    owner_key     text not null,
    idem_key      text not null,
    fingerprint   text not null,
    status        integer not null,
    body          text,
    etag          text,
    location      text,
    created_at    timestamptz not null default now(),
    primary key (owner_key, idem_key)
);
