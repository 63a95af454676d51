-- Contact details are published only by explicit opt-in, per field. Until a field is
-- published, the public reaches the organisation through a message relayed by the platform.
alter table organization
    add column contact_name_public  boolean not null default false,
    add column contact_email_public boolean not null default false,
    add column contact_phone_public boolean not null default false;

-- A message a signed-in person sends to an organisation. The organisation sees the sender's
-- display name only, never their e-mail address or phone number.
create table organization_message (
    id                uuid primary key default gen_random_uuid(),
    organization_id   uuid not null references organization (id),
    municipality_code char(6) not null references municipality (code),
    sender_id         uuid not null references app_user (id),
    subject           text,
    body              text,
    -- Set when the sender deleted their account: subject and body are erased, the fact stays.
    erased_at         timestamptz,
    created_at        timestamptz not null default now(),
    last_activity_at  timestamptz not null default now(),
    check (erased_at is not null or (subject is not null and body is not null))
);
create index organization_message_org on organization_message (organization_id, last_activity_at desc);
create index organization_message_sender on organization_message (sender_id, last_activity_at desc);

-- The conversation that follows: replies from the organisation's members (or staff) and the
-- sender's own follow-ups.
create table organization_message_reply (
    id                uuid primary key default gen_random_uuid(),
    message_id        uuid not null references organization_message (id) on delete cascade,
    author_id         uuid not null references app_user (id),
    from_organization boolean not null,
    body              text,
    erased_at         timestamptz,
    created_at        timestamptz not null default now(),
    check (erased_at is not null or body is not null)
);
create index organization_message_reply_message on organization_message_reply (message_id, created_at);
create index organization_message_reply_author on organization_message_reply (author_id);
