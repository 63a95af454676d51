-- Webhooks (Standard Webhooks): endpoints that an organisation's owners or a municipality's staff
-- register for event types; each delivery is signed with the endpoint's secret and sent from the
-- transactional outbox, with its attempts recorded here for the delivery log.

create table webhook (
    id                   uuid primary key default gen_random_uuid(),
    municipality_code    char(6) not null references municipality (code),
    -- null: the municipality's own endpoint (its staff manage it and it hears every event of the municipality)
    organization_id      uuid references organization (id),
    url                  text not null,
    description          text,
    -- the event types it asked for, e.g. {listing.created, match.accepted}
    event_types          text[] not null,
    -- the signing key (decoded from whsec_...): shown once at creation and at each rotation
    secret               bytea not null,
    -- during a rotation the previous key also signs (for an hour), so receivers can switch over
    previous_secret      bytea,
    previous_secret_until timestamptz,
    enabled              boolean not null default true,
    disabled_reason      text,
    disabled_at          timestamptz,
    -- consecutive failed attempts, and since when the endpoint has been failing without a success
    consecutive_failures integer not null default 0,
    failing_since        timestamptz,
    created_by           uuid not null references app_user (id),
    version              bigint not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    deleted_at           timestamptz
);
create index webhook_municipality on webhook (municipality_code) where deleted_at is null and enabled;
create index webhook_organization on webhook (organization_id) where deleted_at is null;

-- One message of one event to one endpoint: what was sent (the body, signed at each attempt with
-- a fresh timestamp) and how it went.
create table webhook_delivery (
    id                uuid primary key default gen_random_uuid(),
    webhook_id        uuid not null references webhook (id),
    -- the event's id: the webhook-id header, the same for every endpoint and every retry (receivers dedupe on it)
    event_id          text not null,
    event_type        text not null,
    body              text not null,
    status            text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          integer not null default 0,
    first_attempt_at  timestamptz,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    delivered_at      timestamptz,
    created_at        timestamptz not null default now(),
    unique (webhook_id, event_id)
);
create index webhook_delivery_log on webhook_delivery (webhook_id, created_at desc);
