-- Haves and needs (有る・無い): what an organisation can offer and what it lacks.
-- EXPIRED is never stored: an OPEN listing whose availability window has ended reads as
-- EXPIRED (computed from available_until against today's date in Japan), so no job is needed.

create table listing (
    id                uuid primary key default gen_random_uuid(),
    municipality_code char(6) not null references municipality (code),
    organization_id   uuid not null references organization (id),
    kind              text not null check (kind in ('HAVE', 'NEED')),
    category          text not null check (category in ('PEOPLE', 'GOODS', 'VENUE', 'FUNDS', 'KNOWHOW',
                                                         'INFORMATION', 'NETWORK')),
    title             text not null,
    description       text,
    themes            text[] not null default '{}',
    -- Empty: city-wide.
    area_ids          uuid[] not null default '{}',
    quantity          integer check (quantity > 0),
    -- How much of the quantity accepted matches have taken.
    quantity_matched  integer not null default 0 check (quantity_matched >= 0),
    unit              text,
    available_from    date,
    available_until   date,
    status            text not null check (status in ('OPEN', 'MATCHED', 'CLOSED')),
    contact_name      text,
    contact_email     text,
    contact_phone     text,
    -- Japanese text search (core/search/JapaneseText): folded text and its bigrams.
    search_text       text not null default '',
    search_grams      text[] not null default '{}',
    -- Matching (matching/MatchTerms): concept, topic and word keys of title and description, and the
    -- specific ones of the title alone (what the listing is about), which candidate preselection uses.
    match_keys        text[] not null default '{}',
    title_keys        text[] not null default '{}',
    deleted_at        timestamptz,
    created_by        uuid references app_user (id),
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (quantity is null or quantity_matched <= quantity),
    check (available_until is null or available_from is null or available_until >= available_from)
);

create index listing_organization on listing (organization_id, created_at desc) where deleted_at is null;
create index listing_municipality on listing (municipality_code, kind, category) where deleted_at is null;
create index listing_recent on listing (municipality_code, created_at desc) where deleted_at is null;
create index listing_themes on listing using gin (themes) where deleted_at is null;
create index listing_areas on listing using gin (area_ids) where deleted_at is null;
create index listing_search on listing using gin (search_grams) where deleted_at is null;
-- Candidate preselection for matching (matching/CandidateQuery): open listings of the counterpart
-- kind whose title names something the other listing mentions, or that mention what the other's
-- title names (one index per kind, so that a search for haves never reads needs) ...
create index listing_have_title_keys on listing using gin (title_keys)
    where status = 'OPEN' and deleted_at is null and kind = 'HAVE';
create index listing_need_title_keys on listing using gin (title_keys)
    where status = 'OPEN' and deleted_at is null and kind = 'NEED';
create index listing_have_match_keys on listing using gin (match_keys)
    where status = 'OPEN' and deleted_at is null and kind = 'HAVE';
create index listing_need_match_keys on listing using gin (match_keys)
    where status = 'OPEN' and deleted_at is null and kind = 'NEED';
-- ... and, only when those are few, of the same category in the same district ...
create index listing_open_areas on listing using gin (area_ids) where status = 'OPEN' and deleted_at is null;
-- ... or of the same category and city-wide.
create index listing_open_city_wide on listing (municipality_code, kind, category)
    where status = 'OPEN' and deleted_at is null and area_ids = '{}';
