-- A row Elasticsearch keeps rejecting (a mapping error, a value it cannot parse) is parked after a
-- bounded number of rejections instead of being retried forever: it leaves the pending set, stays
-- visible with its last error for an operator, and can be re-queued once the cause is fixed.
--
-- rejections counts only document-level refusals; attempts keeps counting every failure (it drives
-- the backoff), so a row that waited out an outage is not parked for the outage.
--
-- States: pending (processed_at and parked_at null), parked (parked_at set, processed_at null),
-- processed (processed_at set; parked_at may remain set on a row a newer version superseded).
alter table matching_outbox add column rejections integer     not null default 0;
alter table matching_outbox add column parked_at  timestamptz;

-- The drain never reads parked rows, so the index of pending rows leaves them out.
drop index matching_outbox_pending;
create index matching_outbox_pending on matching_outbox (id) include (next_attempt_at)
    where processed_at is null and parked_at is null;

-- The operators' list and the alert's count.
create index matching_outbox_parked on matching_outbox (id) where parked_at is not null and processed_at is null;
