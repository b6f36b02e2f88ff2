-- The library of what pilots taught (issue 14, item 2): what each party learned, whether the association
-- would do it again, and residents' own feedback beside the figures (entered by the association, with the
-- residents' consent; no names).
create table pilot_lesson (
    id              uuid primary key,
    pilot_id        uuid        not null references pilot (id),
    organisation_id uuid        not null references organisation (id),
    party           text        not null check (party in ('association', 'supplier')),
    lesson          text        not null check (length(lesson) between 1 and 2000),
    verdict         text check (verdict in ('would-do-again', 'would-not')),
    created_at      timestamptz not null default now(),
    check (verdict is null or party = 'association')
);
create index pilot_lesson_by_pilot on pilot_lesson (pilot_id, created_at);

create table pilot_resident_feedback (
    id            uuid primary key,
    pilot_id      uuid        not null references pilot (id),
    kind          text        not null check (kind in ('quote', 'survey')),
    text          text        not null check (length(text) between 1 and 1000),
    respondents   integer check (respondents between 1 and 1000000),
    agree_percent numeric check (agree_percent between 0 and 100),
    created_at    timestamptz not null default now(),
    check (kind = 'quote' or (respondents is not null and agree_percent is not null))
);
create index pilot_resident_feedback_by_pilot on pilot_resident_feedback (pilot_id, created_at);
