-- Reminders (docs/notifications-and-mail.md): how many hours before its start an event's people
-- are reminded (the organiser's setting; 0: no reminder), and the keys of the reminders already
-- sent, so that each goes once across all instances and restarts.
alter table event add column reminder_hours integer not null default 24 check (reminder_hours between 0 and 336);
create table reminder_sent (
    reminder_key text primary key,
    sent_at      timestamptz not null default now()
);
