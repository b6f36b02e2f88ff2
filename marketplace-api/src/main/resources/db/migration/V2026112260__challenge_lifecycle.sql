-- issue 4: the full challenge lifecycle and the terms every response is evaluated against
alter table challenge drop constraint challenge_status_check;
alter table challenge add constraint challenge_status_check
    check (status in ('draft', 'published', 'closed', 'awarded', 'no-award', 'withdrawn'));
alter table challenge
    add column essential_requirements    text[]  not null default '{}',
    add column nice_to_have_requirements text[]  not null default '{}',
    add column weighting_criteria        text[]  not null default '{}',
    add column weighting_weights         integer[] not null default '{}',
    add column pilot_length_weeks        integer check (pilot_length_weeks between 1 and 260),
    add column location                  text,
    add column questions_close_on        date,
    add column closed_at                 timestamptz,
    add column decided_at                timestamptz,
    add column no_award_reason           text,
    add constraint challenge_weightings_pair
        check (cardinality(weighting_criteria) = cardinality(weighting_weights));
-- the closing scheduler looks only at published challenges past their date
create index challenge_due_to_close on challenge (closing_date) where status = 'published';

-- clarification questions: asked privately, answered and published to every supplier, asker anonymous
create table challenge_question (
    id                       uuid primary key,
    challenge_id             uuid        not null references challenge (id),
    asked_by_subject         text        not null,
    asked_by_organisation_id uuid        not null references organisation (id),
    question                 text        not null,
    answer                   text,
    asked_at                 timestamptz not null default now(),
    answered_at              timestamptz
);
create index challenge_question_by_challenge on challenge_question (challenge_id, asked_at);

-- one response per supplier per challenge; evidence is keyed by requirement id (E1.., N1..)
create table challenge_response (
    id                       uuid primary key,
    challenge_id             uuid        not null references challenge (id),
    supplier_organisation_id uuid        not null references organisation (id),
    status                   text        not null check (status in ('draft', 'submitted', 'shortlisted',
                                                                     'awarded', 'unsuccessful')),
    approach                 text        not null default '',
    evidence_requirements    text[]      not null default '{}',
    evidence_texts           text[]      not null default '{}',
    price_pounds             integer check (price_pounds >= 0),
    availability             text        not null default '',
    feedback                 text,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    submitted_at             timestamptz,
    version                  bigint      not null default 1,
    unique (challenge_id, supplier_organisation_id),
    check (cardinality(evidence_requirements) = cardinality(evidence_texts))
);

-- each evaluator scores each criterion 0..10; the weighted total averages evaluators
create table response_score (
    response_id       uuid    not null references challenge_response (id),
    evaluator_subject text    not null,
    criterion         text    not null,
    score             integer not null check (score between 0 and 10),
    scored_at         timestamptz not null default now(),
    primary key (response_id, evaluator_subject, criterion)
);
