-- issue 12 (privacy by default): erasing a person also deletes their Keycloak account. The row is
-- written in the erasure's transaction and removed once Keycloak confirms, so an identity provider
-- that is down when the person asks only delays the deletion: a job retries it until it is done.
create table sign_in_account_deletion (
    subject          text        primary key,
    erasure_id       uuid        not null,
    requested_at     timestamptz not null default now(),
    attempts         integer     not null default 0,
    last_attempt_at  timestamptz,
    last_error       text
);
