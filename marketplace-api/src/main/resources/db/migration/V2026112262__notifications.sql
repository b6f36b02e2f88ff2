-- issue 4: notifications. Features record events in their own transaction; a fan-out turns each
-- event into at most one notification per person (unique event/recipient), and the mailer marks each
-- notification emailed once (emailed_at is the high-water mark), so nothing repeats.
create table person (
    subject           text primary key,
    email             text,
    name              text,
    alert_frequency   text        not null default 'instant'
                                  check (alert_frequency in ('instant', 'daily', 'weekly', 'off')),
    unsubscribe_token uuid        not null unique default gen_random_uuid(),
    updated_at        timestamptz not null default now()
);

create table notification_event (
    id            bigserial primary key,
    kind          text        not null,
    event_key     text        not null unique,
    challenge_id  uuid,
    subject_id    uuid,
    title         text        not null,
    created_at    timestamptz not null default now(),
    fanned_out_at timestamptz
);
create index notification_event_pending on notification_event (id) where fanned_out_at is null;

create table notification (
    id                bigserial primary key,
    event_id          bigint      not null references notification_event (id),
    recipient_subject text        not null,
    kind              text        not null,
    title             text        not null,
    link              text        not null,
    frequency         text        not null check (frequency in ('instant', 'daily', 'weekly', 'none')),
    created_at        timestamptz not null default now(),
    read_at           timestamptz,
    emailed_at        timestamptz,
    unique (event_id, recipient_subject)
);
create index notification_feed on notification (recipient_subject, id desc);
create index notification_unsent on notification (frequency, id) where emailed_at is null;

create table saved_search (
    id                uuid primary key,
    subject           text        not null,
    query             text,
    category          text,
    region            text,
    frequency         text        not null check (frequency in ('instant', 'daily', 'weekly')),
    unsubscribe_token uuid        not null unique default gen_random_uuid(),
    created_at        timestamptz not null default now()
);
create index saved_search_by_subject on saved_search (subject);

create table digest_sent (
    subject      text        not null,
    frequency    text        not null,
    last_sent_at timestamptz not null,
    primary key (subject, frequency)
);
