-- Browser sessions kept on the server (backend-for-frontend): the session cookie carries only a
-- random id, so signing out ends the session for every API instance at once, and a copied
-- cookie is useless afterwards. The tokens are stored as Quarkus OIDC hands them over
-- (encrypted with the token-state secret); the cookie value itself is never stored, only its
-- SHA-256.
create table browser_session (
    id_hash                 bytea primary key,
    -- One sign-in: the same across token refreshes, each of which makes a new row and cookie.
    chain_id                uuid not null,
    id_token                text not null,
    access_token            text,
    refresh_token           text,
    access_token_expires_in bigint,
    access_token_scope      text,
    -- Cookie-authenticated writes must echo it (X-CSRF-Token): bound to this sign-in.
    csrf_token              text not null,
    created_at              timestamptz not null default now(),
    expires_at              timestamptz not null,
    -- Set when a refresh replaced the row: it stays readable for a few seconds, for requests
    -- the browser had already sent with the old cookie.
    superseded_at           timestamptz
);
create index browser_session_chain on browser_session (chain_id);
create index browser_session_expiry on browser_session (expires_at);
