-- Haves and needs are listed newest first; the filters of a search ride in that index, so a walk in that
-- order tests them from the index alone (an index-only scan) instead of fetching every listing it passes:
-- 6,493 listings read from the table, 4,798 blocks, for 20 of one neighbourhood at a million listings
-- (docs/benchmarks.md, scale). The id completes the page's order (newest first, then id).
drop index listing_recent;
create index listing_recent on listing (municipality_code, created_at desc, id)
    include (organization_id, status, available_until, kind, category, area_ids, themes)
    where deleted_at is null;
