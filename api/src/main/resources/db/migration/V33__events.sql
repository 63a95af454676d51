-- Events (きっかけづくり): forums, seminars, workshops and area meetings that draw new people in,
-- with registration (capacity, held seats, an automatic waitlist), check-in by code, a closing
-- report with attendance, and links to the projects and plan items they serve.

create table event (
    id                      uuid primary key default gen_random_uuid(),
    municipality_code       char(6) not null references municipality (code),
    -- null: organised by the municipality itself through its staff
    organization_id         uuid references organization (id),
    -- co-organising organisations: their members have the organiser's rights
    co_organizer_ids        uuid[] not null default '{}',
    kind                    text not null check (kind in ('FORUM', 'SEMINAR', 'WORKSHOP', 'AREA_MEETING', 'DIALOGUE',
                                                          'VOLUNTEER', 'EXCHANGE', 'OTHER')),
    title                   text not null,
    title_kana              text,
    title_english           text,
    description             text,
    themes                  text[] not null default '{}',
    -- empty: city-wide
    area_ids                uuid[] not null default '{}',
    mode                    text not null check (mode in ('IN_PERSON', 'ONLINE', 'HYBRID')),
    venue_name              text,
    venue_address           text,
    venue_address_detail    text,
    venue_latitude          numeric(9, 6) check (venue_latitude between -90 and 90),
    venue_longitude         numeric(9, 6) check (venue_longitude between -180 and 180),
    venue_access            text,
    venue_parking           text,
    -- shown only to registered people and organisers
    online_url              text,
    starts_at               timestamptz not null,
    ends_at                 timestamptz,
    all_day                 boolean not null default false,
    -- null or 0: free
    fee_yen                 integer check (fee_yen >= 0),
    fee_note                text,
    -- null: unlimited
    capacity                integer check (capacity >= 1),
    -- seats kept back by the organisers: capacity - held_seats can be registered
    held_seats              integer not null default 0 check (held_seats >= 0),
    registration_opens_at   timestamptz,
    registration_closes_at  timestamptz,
    guests_allowed          boolean not null default false,
    -- extra questions: [{key, kind, label, options, required}]
    questions               jsonb not null default '[]',
    contact_name            text,
    contact_phone           text,
    contact_extension       text,
    status                  text not null check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED', 'CLOSED')),
    -- listed in the public search, the calendar feed and the open data (false: by link only)
    listed                  boolean not null default true,
    published_at            timestamptz,
    cancellation_reason     text,
    cancelled_at            timestamptz,
    cancelled_by            uuid references app_user (id),
    -- the closing report
    attendee_count          integer check (attendee_count >= 0),
    walk_ins                integer check (walk_ins >= 0),
    report_organization_ids uuid[] not null default '{}',
    report_summary          text,
    report_public_summary   text,
    follow_up_listing_ids   uuid[] not null default '{}',
    follow_up_project_ids   uuid[] not null default '{}',
    closed_at               timestamptz,
    closed_by               uuid references app_user (id),
    -- when the guests' names and e-mail addresses were erased (a number of days after closure)
    guest_data_erased_at    timestamptz,
    search_text             text not null default '',
    search_grams            text[] not null default '{}',
    deleted_at              timestamptz,
    created_by              uuid references app_user (id),
    version                 bigint not null default 0,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    check (ends_at is null or ends_at >= starts_at),
    check (registration_closes_at is null or registration_opens_at is null
           or registration_closes_at >= registration_opens_at),
    check (capacity is null or held_seats <= capacity)
);
create index event_municipality on event (municipality_code, starts_at) where deleted_at is null;
create index event_search on event using gin (search_grams) where deleted_at is null;
create index event_areas on event using gin (area_ids) where deleted_at is null;
create index event_themes on event using gin (themes) where deleted_at is null;
create index event_organization on event (organization_id) where deleted_at is null;
create index event_co_organizers on event using gin (co_organizer_ids) where deleted_at is null;

-- Arrival order of registrations across all events: the waitlist is promoted in this order.
create sequence event_registration_arrival;

create table event_registration (
    id              uuid primary key default gen_random_uuid(),
    event_id        uuid not null references event (id),
    municipality_code char(6) not null references municipality (code),
    -- a signed-in person, or a guest (name and e-mail, no account); both null once a guest is erased
    user_id         uuid references app_user (id),
    guest_name      text,
    guest_email     text,
    status          text not null check (status in ('REGISTERED', 'WAITLISTED', 'CANCELLED', 'ATTENDED')),
    arrival         bigint not null default nextval('event_registration_arrival'),
    -- check-in code, canonical form (RegistrationCodes)
    code            char(8) not null,
    answers         jsonb not null default '{}',
    show_publicly   boolean not null default false,
    checked_in_at   timestamptz,
    promoted_at     timestamptz,
    cancelled_at    timestamptz,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (user_id is null or guest_email is null),
    constraint event_registration_code unique (event_id, code)
);
create index event_registration_event on event_registration (event_id, status, arrival);
create index event_registration_user on event_registration (user_id) where user_id is not null;
-- One live registration per person and per guest e-mail per event (a cancelled one may be renewed).
create unique index event_registration_once_user on event_registration (event_id, user_id)
    where user_id is not null and status <> 'CANCELLED';
create unique index event_registration_once_guest on event_registration (event_id, lower(guest_email))
    where guest_email is not null and status <> 'CANCELLED';

-- The projects an event is an activity of, and the plan items it carries out: shown on both sides.
create table event_project (
    event_id    uuid not null references event (id),
    project_id  uuid not null references project (id),
    primary key (event_id, project_id)
);
create index event_project_project on event_project (project_id);

create table event_plan_item (
    event_id      uuid not null references event (id),
    plan_item_id  uuid not null references plan_item (id) on delete cascade,
    primary key (event_id, plan_item_id)
);
create index event_plan_item_item on event_plan_item (plan_item_id);
