-- Changes waiting to reach the Elasticsearch indexes. Rows are written in the same transaction as
-- the change itself and drained by any number of app instances (FOR UPDATE SKIP LOCKED).
--
-- Processed rows are kept (processed_at set) rather than deleted: they show what was indexed and
-- when, which is how an operator answers "why is this profile not in the results", and they let a
-- test prove that no row was sent twice. The indexer deletes them after a retention period.
create table matching_outbox (
    id                bigserial primary key,
    aggregate_type    text        not null check (aggregate_type in ('supplier', 'challenge')),
    aggregate_id      uuid        not null,
    aggregate_version bigint      not null,
    payload           jsonb       not null,
    created_at        timestamptz not null default now(),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null default now(),
    last_error        text,
    processed_at      timestamptz
);

-- The drain walks pending rows in id order; the partial index holds only pending rows, so it
-- stays small however many processed rows are kept.
create index matching_outbox_pending on matching_outbox (id) include (next_attempt_at) where processed_at is null;

-- The retention clean-up.
create index matching_outbox_processed on matching_outbox (processed_at) where processed_at is not null;
