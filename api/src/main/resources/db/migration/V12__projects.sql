-- Co-creation projects (協創の場・協働事業): partners with roles and what each brings (linked to
-- listings), a shared vision, the issue, the domain A–E, the forms of collaboration, and the stage
-- of Plan-Do-See with its history.

create table project (
    id                uuid primary key default gen_random_uuid(),
    municipality_code char(6) not null references municipality (code),
    title             text not null,
    summary           text,
    vision            text,
    issue             text,
    domain            text not null check (domain in ('CITIZEN_LED', 'CITIZEN_INITIATIVE', 'EQUAL',
                                                      'GOVERNMENT_INITIATIVE', 'GOVERNMENT_LED')),
    forms             text[] not null default '{}',
    stage             text not null check (stage in ('TRIGGER', 'VISION', 'ISSUES', 'POLICY', 'ACTION', 'REVIEW')),
    area_ids          uuid[] not null default '{}',
    starts_on         date,
    ends_on           date,
    published         boolean not null default false,
    source_match_id   uuid references listing_match (id),
    search_text       text not null default '',
    search_grams      text[] not null default '{}',
    deleted_at        timestamptz,
    created_by        uuid references app_user (id),
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index project_municipality on project (municipality_code, updated_at desc) where deleted_at is null;
create index project_search on project using gin (search_grams) where deleted_at is null;
create index project_areas on project using gin (area_ids) where deleted_at is null;
-- An accepted match seeds at most one project.
create unique index project_source_match on project (source_match_id)
    where source_match_id is not null and deleted_at is null;

create table project_partner (
    id                         uuid primary key default gen_random_uuid(),
    project_id                 uuid not null references project (id),
    organization_id            uuid not null references organization (id),
    role                       text not null check (role in ('LEAD', 'PARTNER', 'SUPPORTER', 'COORDINATOR')),
    contribution               text,
    listing_ids                uuid[] not null default '{}',
    status                     text not null check (status in ('INVITED', 'ACTIVE', 'DECLINED')),
    invited_by                 uuid references app_user (id),
    invited_by_organization_id uuid references organization (id),
    invited_at                 timestamptz,
    responded_at               timestamptz,
    version                    bigint not null default 0,
    created_at                 timestamptz not null default now(),
    updated_at                 timestamptz not null default now(),
    constraint project_partner_once unique (project_id, organization_id)
);
create index project_partner_organization on project_partner (organization_id, status);

create table project_stage_change (
    id          uuid primary key default gen_random_uuid(),
    project_id  uuid not null references project (id),
    from_stage  text,
    to_stage    text not null,
    note        text not null,
    changed_by  uuid references app_user (id),
    changed_at  timestamptz not null default now()
);
create index project_stage_change_project on project_stage_change (project_id, changed_at);

alter table notification add constraint notification_project foreign key (project_id) references project (id);
