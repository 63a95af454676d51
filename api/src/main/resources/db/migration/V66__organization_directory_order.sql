-- The organisation directory is read in 五十音 order (kana, else name): an index in that order lets a
-- page of 20 come from the first 20 entries instead of sorting every organisation of the city
-- (docs/benchmarks.md, scale: 100,000 organisations).
create index organization_directory on organization (municipality_code, (coalesce(name_kana, name)), name, id)
    where deleted_at is null;
