-- Area statistics over time (地域カルテ): population by sex and five-year age band and households,
-- per area (or municipality-wide) and survey date, as the 地域・年齢別人口 file of the national
-- standard open datasets carries them; and a municipality's named population projections.
-- The area table's own profile columns (population, aged65_share, households, profile_as_of)
-- stay: they are the one hand-kept snapshot; these tables are the imported series.

-- One row per municipality: its version is the ETag of the whole series (an import replaces the
-- survey dates the file holds) and, separately, of the projections.
create table statistics_book (
    municipality_code    char(6) primary key references municipality (code),
    version              bigint not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create table projection_book (
    municipality_code    char(6) primary key references municipality (code),
    version              bigint not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create table area_statistic (
    id                uuid primary key default gen_random_uuid(),
    municipality_code char(6) not null references municipality (code),
    -- null: the municipality as a whole
    area_id           uuid references area (id) on delete cascade,
    -- the 地域コード the file gave the area (export writes it back; import matches by it)
    area_code         text,
    survey_date       date not null,
    population        integer not null check (population >= 0),
    male              integer check (male >= 0),
    female            integer check (female >= 0),
    -- 18 five-year bands, 0-4 … 80-84 and 85+, or null when the file gave none for that sex
    male_bands        integer[] check (male_bands is null or cardinality(male_bands) = 18),
    female_bands      integer[] check (female_bands is null or cardinality(female_bands) = 18),
    households        integer check (households >= 0),
    note              text,
    created_at        timestamptz not null default now()
);
create unique index area_statistic_key on area_statistic
    (municipality_code, coalesce(area_id, '00000000-0000-0000-0000-000000000000'::uuid), survey_date);
create index area_statistic_area on area_statistic (area_id, survey_date);

create table projection_scenario (
    id                uuid primary key default gen_random_uuid(),
    municipality_code char(6) not null references municipality (code),
    position          integer not null,
    name              text not null,
    source            text,
    note              text,
    -- yearly values, in year order: years[i] has amounts[i]
    years             integer[] not null,
    amounts           numeric[] not null,
    unique (municipality_code, position)
);
