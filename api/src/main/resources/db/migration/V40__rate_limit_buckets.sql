-- Rate limits shared by every API instance (jp.kyoso.core.web.RateLimits): one token bucket per
-- client address (anonymous reads) or signed-in user (writes). A bucket holds up to the per-minute
-- limit and refills continuously; a bucket left alone until full is the same as none, so the
-- retention job (jp.kyoso.core.web.Retention) deletes buckets untouched for an hour: the table
-- holds only the clients of the last hour.
create table rate_limit_bucket (
    bucket_key  text primary key,
    tokens      double precision not null,
    allowed     boolean not null,
    updated_at  timestamptz not null
);
create index rate_limit_bucket_updated on rate_limit_bucket (updated_at);

-- The idempotency retention job deletes answers older than the documented period by age.
create index idempotent_request_created on idempotent_request (created_at);
