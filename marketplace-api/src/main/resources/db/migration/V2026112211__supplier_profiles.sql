create table supplier_profile (
    id              uuid primary key,
    organisation_id uuid        not null unique references organisation (id),
    name            text        not null,
    summary         text        not null,
    capabilities    text        not null default '',
    products        text        not null default '',
    case_studies    text        not null default '',
    regions         text[]      not null default '{}',
    accreditations  text[]      not null default '{}',
    size            text,
    status          text        not null check (status in ('draft', 'published')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    published_at    timestamptz,
    version         bigint      not null default 1
);
create index supplier_profile_listing on supplier_profile (status, created_at desc, id desc);
