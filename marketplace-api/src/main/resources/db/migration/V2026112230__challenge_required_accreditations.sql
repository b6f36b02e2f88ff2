-- Accreditations a supplier must hold to be matched to (and to answer) a challenge: a hard filter.
alter table challenge add column required_accreditations text[] not null default '{}';
