-- The directory's filters ride in its index: a page of organisations of one area or theme is read
-- from the index alone (an index-only scan) instead of fetching each passed organisation's row.
-- Organisations are named after their town (赤崎…自治会), so an area's sit together in 五十音 order
-- and a walk in that order passes most of the city before the first of them: 94,881 rows read from
-- the table for 20 at 100,000 organisations (docs/benchmarks.md, scale).
drop index organization_directory;
create index organization_directory on organization (municipality_code, (coalesce(name_kana, name)), name, id)
    include (name_kana, status, area_ids, themes)
    where deleted_at is null;
