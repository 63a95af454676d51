-- E-mail of notifications (jp.kyoso.notification, docs/notifications-and-mail.md). A person's
-- preferences: the language of their mails and the local hour (Asia/Tokyo) of their daily digest;
-- per kind, whether it is mailed at all and how often (IMMEDIATE, DAILY, WEEKLY, NEVER). A kind
-- without a row has its default (NotificationSettings.DEFAULTS).
create table notification_preference (
    user_id      uuid primary key references app_user (id) on delete cascade,
    language     text not null default 'JA' check (language in ('JA', 'EN')),
    digest_hour  integer not null default 8 check (digest_hour between 0 and 23),
    -- Where their mails go instead of their account's address (null: the account's).
    email        text,
    version      bigint not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create table notification_kind_setting (
    user_id    uuid not null references app_user (id) on delete cascade,
    kind       text not null,
    enabled    boolean not null,
    frequency  text not null check (frequency in ('IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER')),
    primary key (user_id, kind)
);
-- How an inbox entry is mailed, decided when it is made: NONE (not mailed), IMMEDIATE (its own
-- mail, in the outbox at once), DAILY or WEEKLY (waiting for the next digest), DIGESTED (was in one).
alter table notification add column mail text not null default 'NONE'
    check (mail in ('NONE', 'IMMEDIATE', 'DAILY', 'WEEKLY', 'DIGESTED'));
create index notification_digest on notification (mail, user_id) where mail in ('DAILY', 'WEEKLY');
-- The event an entry is about (cancellations, promotions, reminders), for the link in its mail.
alter table notification add column event_id uuid references event (id) on delete set null;
