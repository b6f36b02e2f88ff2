-- The categories a supplier declares for its own profile (taxonomy codes). Matching credits category
-- agreement only for declared categories; it no longer infers them from words in the profile text.
alter table supplier_profile add column categories text[] not null default '{}';
