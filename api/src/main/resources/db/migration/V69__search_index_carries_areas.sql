-- The text index of each searchable table carries the areas too (a multicolumn GIN): a term searched in a
-- neighbourhood (子ども in one school zone) is narrowed by both inside one index scan. PostgreSQL estimates a
-- term's rows from its bigrams as if they were independent (21,405 listings for ドローン estimated at 10), so
-- with two separate indexes it took the term's alone and fetched every listing holding it to test the area:
-- 20,129 table blocks for 73 matches at a million listings (docs/benchmarks.md, scale).
drop index listing_search;
create index listing_search on listing using gin (search_grams, area_ids) where deleted_at is null;
drop index project_search;
create index project_search on project using gin (search_grams, area_ids) where deleted_at is null;
drop index organization_search;
create index organization_search on organization using gin (search_grams, area_ids);
drop index event_search;
create index event_search on event using gin (search_grams, area_ids) where deleted_at is null;
