-- The owner of hidden or restored content is told, with the reason: the event names the owning
-- organisation and where on the web the owner sees the item (issue 12, item 5).
alter table notification_event add column organisation_id uuid;
alter table notification_event add column link text;
