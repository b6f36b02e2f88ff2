-- issue 4: a supplier's people follow published challenges and hear of published answers and deadlines.
-- Following is per person, because notifications go to people: one row per (challenge, person).
create table challenge_follow (
    challenge_id uuid        not null references challenge (id),
    subject      text        not null,
    followed_at  timestamptz not null default now(),
    primary key (challenge_id, subject)
);
-- a person's own list (newest first, keyset-paginated), export and erasure
create index challenge_follow_by_subject on challenge_follow (subject, followed_at desc, challenge_id desc);
