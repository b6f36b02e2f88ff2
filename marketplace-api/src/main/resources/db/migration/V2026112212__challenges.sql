create table challenge (
    id                uuid primary key,
    organisation_id   uuid        not null references organisation (id),
    title             text        not null,
    summary           text        not null,
    description       text        not null default '',
    categories        text[]      not null default '{}',
    regions           text[]      not null default '{}',
    status            text        not null check (status in ('draft', 'published')),
    budget_min_pounds integer check (budget_min_pounds >= 0),
    budget_max_pounds integer check (budget_max_pounds >= 0),
    closing_date      date,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    published_at      timestamptz,
    version           bigint      not null default 1,
    check (budget_min_pounds is null or budget_max_pounds is null or budget_min_pounds <= budget_max_pounds)
);
create index challenge_listing on challenge (status, created_at desc, id desc);
create index challenge_by_organisation on challenge (organisation_id, created_at desc, id desc);
create index challenge_categories on challenge using gin (categories);
create index challenge_regions on challenge using gin (regions);
