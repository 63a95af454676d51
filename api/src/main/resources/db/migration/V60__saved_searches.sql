-- Saved searches (保存した検索): a person's listing or event search in one municipality; new items
-- that match it are announced in their inbox (and mailed at their frequency).
create table saved_search (
    id                uuid primary key default gen_random_uuid(),
    user_id           uuid not null references app_user (id) on delete cascade,
    municipality_code char(6) not null references municipality (code),
    target            text not null check (target in ('LISTING', 'EVENT')),
    name              text not null,
    q                 text,
    -- The folded terms of q, as the search matches them: every one must be in the item's search_text.
    q_terms           text[] not null default '{}',
    -- LISTING: HAVE or NEED; EVENT: an event kind.
    kind              text,
    category          text,
    theme             text,
    area_id           uuid references area (id) on delete cascade,
    created_at        timestamptz not null default now(),
    check (target = 'LISTING' or category is null)
);
-- Matching a new item reads the saved searches of its municipality and target.
create index saved_search_target on saved_search (municipality_code, target);
create index saved_search_user on saved_search (user_id, created_at);

-- That an item was announced for a saved search: once per item per saved search.
create table saved_search_hit (
    saved_search_id uuid not null references saved_search (id) on delete cascade,
    item_id         uuid not null,
    created_at      timestamptz not null default now(),
    primary key (saved_search_id, item_id)
);
