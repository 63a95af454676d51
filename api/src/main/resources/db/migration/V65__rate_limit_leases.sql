-- Rate limits (jp.kyoso.core.web.RateLimits): an instance takes up to a second's refill of a bucket
-- in one upsert and hands the tokens out locally for a second; the upsert answers how many it took.
alter table rate_limit_bucket add column granted double precision not null default 1;
