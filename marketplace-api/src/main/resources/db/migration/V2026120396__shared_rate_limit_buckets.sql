-- Rate-limit buckets every API instance shares (issue 13): one row per route class, scope and caller.
-- Unlogged: nothing here is worth a WAL write or a replica; after a crash or a failover the limits
-- start full again, which is what an idle bucket does anyway.
create unlogged table rate_limit_bucket (
    bucket_key text             primary key,
    tokens     double precision not null,
    updated_at timestamptz      not null
);
create index rate_limit_bucket_updated on rate_limit_bucket (updated_at);
