-- Board matching on the whole profile (issue 11): roles state attendance and whether governance experience
-- is required, and may write skill gaps in their own words; candidates may write skills in their own words
-- (level 1-4), sectors and an experience summary. A role without attendance (written by an older path) reads it
-- from its remote flag.
alter table board_role add column attendance text;
update board_role set attendance = case when remote then 'remote' else 'in-person' end;
alter table board_role add constraint board_role_attendance check (attendance in ('in-person', 'hybrid', 'remote'));
alter table board_role add column governance_experience_required boolean not null default false;
alter table board_role add column skill_gaps_in_words jsonb not null default '[]';

alter table candidate_profile add column skills_in_words jsonb not null default '[]';
alter table candidate_profile add column sectors jsonb not null default '[]';
alter table candidate_profile add column experience_summary text;
