-- The participation funnel (event/ParticipationFunnel) asks, for each attendee, whether they
-- posted a have or need within some months after an event: listings by author and time.
create index listing_author on listing (created_by, created_at) where created_by is not null;

-- Indicators computed from Kyoso's own records (source PLATFORM): their actuals are derived, not
-- typed. computed_from says from what (EVENTS: the events of the municipality), computed_measure
-- which figure of the participation funnel; computed_kinds and computed_area_ids narrow the
-- events (empty: every kind, every event whatever its areas).
alter table indicator drop constraint indicator_source_check;
alter table indicator add constraint indicator_source_check
    check (source in ('RESIDENT_SURVEY', 'STAFF_SURVEY', 'STATISTICS', 'OTHER', 'PLATFORM'));
alter table indicator
    add column computed_from     text check (computed_from in ('EVENTS')),
    add column computed_measure  text check (computed_measure in ('EVENTS_HELD', 'REGISTRATIONS', 'ATTENDEES',
                                                                  'FIRST_TIME_ATTENDEES', 'STEPPED_UP')),
    add column computed_kinds    text[] not null default '{}',
    add column computed_area_ids uuid[] not null default '{}',
    add constraint indicator_computed_when_platform
        check ((source = 'PLATFORM') = (computed_measure is not null)
               and (computed_from is null) = (computed_measure is null));
