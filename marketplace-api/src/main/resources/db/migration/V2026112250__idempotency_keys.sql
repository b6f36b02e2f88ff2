-- Idempotency-Key on POST (issue 6): one row per (person, key). The unique key is what makes
-- concurrent duplicates do the work once: the second insert finds the first's row.
create table idempotency_keys (
    owner           text        not null,  -- token subject, or 'anonymous:<client address>'
    idempotency_key text        not null,
    request_hash    text        not null,  -- sha-256 of method, path and body
    state           text        not null check (state in ('in_progress', 'completed')),
    response_status integer,
    response_headers jsonb,
    response_body   bytea,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    primary key (owner, idempotency_key)
);

create index idempotency_keys_expiry on idempotency_keys (expires_at);
