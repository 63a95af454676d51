-- The transactional outbox (jp.kyoso.core.outbox): a message (an e-mail, a webhook call) is
-- written in the same transaction as the change that causes it, and a dispatcher on every
-- instance delivers it later. dedupe_key is unique: enqueuing the same key twice is a no-op, so
-- each message goes out once. A row is PENDING until due (next_attempt_at), IN_FLIGHT while an
-- instance holds its lease (next_attempt_at is then the end of the lease: an instance killed
-- mid-delivery leaves the row due again once the lease ends), SENT, or FAILED after the channel's
-- give-up window. municipality_code and reference (a recipient, an endpoint) are for the
-- delivery logs people read.
create table outbox_message (
    id                uuid primary key,
    channel           text not null,
    dedupe_key        text not null unique,
    payload           jsonb not null,
    municipality_code text,
    reference         text,
    status            text not null default 'PENDING'
                      check (status in ('PENDING', 'IN_FLIGHT', 'SENT', 'FAILED')),
    attempts          integer not null default 0,
    next_attempt_at   timestamptz not null,
    last_error        text,
    created_at        timestamptz not null default now(),
    sent_at           timestamptz
);
create index outbox_message_due on outbox_message (next_attempt_at) where status in ('PENDING', 'IN_FLIGHT');
create index outbox_message_log on outbox_message (channel, municipality_code, created_at desc);
create index outbox_message_reference on outbox_message (reference, created_at desc);
