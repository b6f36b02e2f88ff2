-- Webhooks (issue 14, item 4): partner systems hear of events through signed HTTP calls.
-- The events are the ones features already record in their own transactions (notification_event);
-- webhooks_at marks those turned into deliveries. Events from before webhooks existed are not sent.
alter table notification_event add column webhooks_at timestamptz;
update notification_event set webhooks_at = created_at;
create index notification_event_webhooks_pending on notification_event (id) where webhooks_at is null;

create table webhook_endpoint (
    id              uuid primary key,
    organisation_id uuid        not null references organisation (id) on delete cascade,
    url             text        not null check (length(url) between 8 and 2000),
    events          text[]      not null check (cardinality(events) between 1 and 20),
    description     text        not null default '' check (length(description) <= 200),
    secret          text        not null,
    created_at      timestamptz not null default now()
);
create index webhook_endpoint_by_organisation on webhook_endpoint (organisation_id);

-- One delivery per (endpoint, event); attempts are its log. sequence keeps the order per resource.
create table webhook_delivery (
    id               uuid primary key,
    sequence         bigserial   not null unique,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id         bigint      not null references notification_event (id),
    event_type       text        not null,
    resource_id      uuid,
    payload          text        not null,
    status           text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts         integer     not null default 0,
    give_up_after    integer     not null,
    next_attempt_at  timestamptz not null default now(),
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_log on webhook_delivery (endpoint_id, sequence desc);

create table webhook_attempt (
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempt      integer     not null,
    attempted_at timestamptz not null default now(),
    status_code  integer,
    error        text,
    duration_ms  integer     not null,
    primary key (delivery_id, attempt)
);
