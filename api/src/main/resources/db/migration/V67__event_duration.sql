-- The longest event of a city, read by the search for events still running or to come: with it the
-- search starts the starts_at index at `from` minus that length instead of at the city's first event
-- (docs/benchmarks.md, scale: 100,000 events). Backward scan of this index: one row.
create index event_duration on event (municipality_code, (ends_at - starts_at)) where deleted_at is null;
