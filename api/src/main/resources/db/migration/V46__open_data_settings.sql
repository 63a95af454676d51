-- Open data and embeds (docs/open-data.md): per municipality, the licence its open-data files are
-- published under (none stored: CC BY 4.0) and the sites allowed to frame its embeds (the
-- Content-Security-Policy frame-ancestors of the embed pages; none: no site may frame them).
create table open_data_settings (
    municipality_code char(6) primary key references municipality (code),
    license_name      text,
    license_url       text,
    embed_origins     text[] not null default '{}',
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
