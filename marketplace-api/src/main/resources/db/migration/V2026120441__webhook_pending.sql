-- The webhook fan-out keeps its own queue of recorded events (one row per event, written with it) rather
-- than a column of notification_event: its row locks on notification_event made the notification fan-out
-- (FOR UPDATE SKIP LOCKED on the same rows) skip events it was about to tell people of.
create table webhook_pending (
    event_id bigint primary key references notification_event (id) on delete cascade
);
insert into webhook_pending (event_id) select id from notification_event where webhooks_at is null;
drop index notification_event_webhooks_pending;
alter table notification_event drop column webhooks_at;
