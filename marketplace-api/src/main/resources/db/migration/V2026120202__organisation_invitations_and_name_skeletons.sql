-- Issue 10. Two things about organisations.
--
-- 1. Confusable names: "Riverside Homes" written with a Cyrillic "А" or a zero-width space looks
--    the same on screen. The API stores each name's UTS #39 skeleton (ICU SpoofChecker, computed
--    in Java, so it is filled in by the application for rows written before this column existed);
--    the unique index, not a read-then-write check, is what keeps two concurrent registrations of
--    look-alike names from both succeeding.
alter table organisation add column name_skeleton text;
create unique index organisation_name_skeleton_unique on organisation (name_skeleton);

-- 2. Nobody is made a member without agreeing: a member invites, the invitee accepts (or declines),
--    and only an acceptance creates the membership row. An invitation names the person by subject,
--    by email, or both; it expires.
create table organisation_invitation (
    id                 uuid primary key,
    organisation_id    uuid        not null references organisation (id) on delete cascade,
    invitee_subject    text,
    invitee_email      text,
    invited_by_subject text        not null,
    status             text        not null default 'pending'
                                   check (status in ('pending', 'accepted', 'declined')),
    created_at         timestamptz not null default now(),
    expires_at         timestamptz not null,
    responded_at       timestamptz,
    check (invitee_subject is not null or invitee_email is not null)
);
create index organisation_invitation_by_subject on organisation_invitation (invitee_subject) where status = 'pending';
create index organisation_invitation_by_email on organisation_invitation (lower(invitee_email)) where status = 'pending';
create index organisation_invitation_by_organisation on organisation_invitation (organisation_id);
