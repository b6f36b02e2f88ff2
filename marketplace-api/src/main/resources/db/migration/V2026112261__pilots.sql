-- issue 4: a pilot is created by an award; its outcomes become public evidence once completed
create table pilot (
    id                          uuid primary key,
    challenge_id                uuid        not null unique references challenge (id),
    response_id                 uuid        not null references challenge_response (id),
    association_organisation_id uuid        not null references organisation (id),
    supplier_organisation_id    uuid        not null references organisation (id),
    title                       text        not null,
    status                      text        not null check (status in ('active', 'completed')),
    final_report                text,
    outcome                     text check (outcome in ('met', 'partly-met', 'not-met')),
    created_at                  timestamptz not null default now(),
    completed_at                timestamptz,
    version                     bigint      not null default 1
);
create index pilot_by_supplier on pilot (supplier_organisation_id, status);

create table pilot_milestone (
    id       uuid primary key,
    pilot_id uuid not null references pilot (id),
    title    text not null,
    due_on   date not null,
    status   text not null check (status in ('planned', 'in-progress', 'done', 'missed')),
    position integer not null
);
create index pilot_milestone_due on pilot_milestone (due_on) where status in ('planned', 'in-progress');

create table pilot_outcome (
    id       uuid primary key,
    pilot_id uuid    not null references pilot (id),
    measure  text    not null,
    unit     text    not null,
    baseline numeric not null,
    target   numeric not null,
    actual   numeric,
    position integer not null
);
