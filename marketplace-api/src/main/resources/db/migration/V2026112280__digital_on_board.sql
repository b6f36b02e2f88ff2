-- issue 5: Digital on Board. Board roles posted by associations, candidate profiles, applications
-- with blind shortlisting, consent, the audit log and anonymised statistics kept after erasure.

-- A candidate is one person (Keycloak subject). The identifying fields (name, contact details, photo,
-- date of birth) live only here and leave the API only to the candidate, admins and an association
-- that has moved the candidate's application to interview.
create table candidate_profile (
    id                    uuid primary key,
    subject               text        not null unique,
    name                  text        not null,
    email                 text        not null,
    phone                 text,
    photo_url             text,
    date_of_birth         date,
    headline              text        not null,
    skills                jsonb       not null,  -- [{skill, level}] from the skills framework resource
    experience            jsonb       not null,  -- [{role, sector, years}]
    governance_experience text,
    governance_years      integer     not null default 0 check (governance_years between 0 and 80),
    lived_experience      text,                  -- optional, self-declared, needs recorded consent
    availability          text        not null check (availability in ('immediately', 'within-3-months', 'later')),
    hours_per_month       integer     not null check (hours_per_month between 1 and 200),
    region                text        not null,
    remote                boolean     not null,
    visibility            text        not null check (visibility in ('private', 'matching', 'public')),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    last_active_at        timestamptz not null default now(),
    retention_warned_at   timestamptz,
    version               bigint      not null default 1
);
create index candidate_profile_matchable on candidate_profile (visibility) where visibility <> 'private';
create index candidate_profile_inactive on candidate_profile (last_active_at);

create table board_role (
    id                   uuid primary key,
    organisation_id      uuid        not null references organisation (id),
    title                text        not null,
    description          text        not null,
    skills_matrix        jsonb       not null,  -- the board's current skills: [{skill, level}]
    skill_gaps           jsonb       not null,  -- what this role must bring: [{skill, level}]
    time_commitment      text        not null,
    hours_per_month      integer     not null check (hours_per_month between 1 and 200),
    remuneration         text        not null check (remuneration in ('voluntary', 'remunerated')),
    remuneration_detail  text,
    region               text        not null,
    remote               boolean     not null,
    closing_date         date        not null,
    diversity_aims       text,
    status               text        not null check (status in ('draft', 'open', 'closed')),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    published_at         timestamptz,
    version              bigint      not null default 1
);
create index board_role_open on board_role (status, created_at desc, id desc);
create index board_role_by_organisation on board_role (organisation_id);

create table board_application (
    id            uuid primary key,
    board_role_id uuid        not null references board_role (id),
    candidate_id  uuid        not null references candidate_profile (id),
    statement     text        not null,
    status        text        not null check (status in ('submitted', 'shortlisted', 'interview', 'appointed',
                                                          'declined', 'withdrawn')),
    feedback      text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       bigint      not null default 1,
    unique (board_role_id, candidate_id)
);
create index board_application_by_candidate on board_application (candidate_id);

-- What survives an erasure: counts with no person in them (programme figures stay true).
create table board_application_statistic (
    id              bigserial primary key,
    board_role_id   uuid,
    final_status    text        not null,
    submitted_month date        not null,
    anonymised_at   timestamptz not null default now()
);

-- Consent is append-only: the latest row per (subject, purpose) is the current answer.
create table consent (
    id          uuid primary key,
    subject     text        not null,
    purpose     text        not null,
    granted     boolean     not null,
    recorded_at timestamptz not null default now()
);
create index consent_by_subject on consent (subject, purpose, recorded_at desc);

-- Who viewed or changed candidate data. actor_label is what the candidate sees (no other person's id).
create table audit_entry (
    id              bigserial primary key,
    at              timestamptz not null default now(),
    actor_subject   text        not null,
    actor_label     text        not null,
    action          text        not null,
    candidate_id    uuid,
    person_subject  text        not null,
    resource        text        not null
);
create index audit_entry_by_person on audit_entry (person_subject, id desc);

-- An erasure happened, and how much it removed: no identifier of the erased person.
create table erasure_record (
    id                        uuid primary key,
    erased_at                 timestamptz not null default now(),
    rows_removed              integer     not null,
    index_deletions_enqueued  integer     not null,
    reason                    text        not null check (reason in ('request', 'retention'))
);
