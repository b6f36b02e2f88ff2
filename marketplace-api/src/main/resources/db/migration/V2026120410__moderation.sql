-- Moderation (issue 12, item 5): an admin hides abusive or misleading content with a reason.
-- Each feature keeps its own mark (what its reads filter on and what the owner is shown); the
-- moderation feature keeps the list of what is hidden now and the trail of who hid or restored what.
alter table challenge add column hidden_reason text;
alter table supplier_profile add column hidden_reason text;
alter table board_role add column hidden_reason text;
alter table challenge_question add column hidden_reason text;

create table moderation_hold (
    kind             text        not null,
    target_id        uuid        not null,
    title            text        not null,
    reason           text        not null,
    hidden_by_subject text,
    hidden_at        timestamptz not null default now(),
    primary key (kind, target_id)
);

create index moderation_hold_hidden_at on moderation_hold (hidden_at desc, kind, target_id);

create table moderation_action (
    id            bigserial   primary key,
    kind          text        not null,
    target_id     uuid        not null,
    action        text        not null check (action in ('hidden', 'restored')),
    reason        text,
    actor_subject text,
    at            timestamptz not null default now()
);

create index moderation_action_target on moderation_action (kind, target_id, at desc);
