-- issue 5: when an association moved the candidate to interview, and so first saw who they are.
-- Once seen, a name cannot be unseen: a later decline keeps it revealed to that association.
alter table board_application add column identity_revealed_at timestamptz;
