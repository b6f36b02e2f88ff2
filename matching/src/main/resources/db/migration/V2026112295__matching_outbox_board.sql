-- Board recruitment reaches the indexes through the same outbox: candidate profiles (only while
-- their owners choose to be matched), their removal (made private, erased, or deleted by the
-- retention job) and board roles.
alter table matching_outbox drop constraint matching_outbox_aggregate_type_check;
alter table matching_outbox add constraint matching_outbox_aggregate_type_check
    check (aggregate_type in ('supplier', 'challenge', 'candidate', 'candidate-removal', 'board-role'));

-- Erasure removes every earlier row about a candidate; this finds them without a scan.
create index matching_outbox_aggregate on matching_outbox (aggregate_id);
