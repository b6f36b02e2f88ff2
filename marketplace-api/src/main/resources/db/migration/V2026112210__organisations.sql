-- Versions are yyyyMMddNN so migrations shipped by different modules (matching ships the outbox) never collide.
create table organisation (
    id          uuid primary key,
    name        text        not null check (length(name) between 2 and 200),
    type        text        not null check (type in ('association', 'supplier')),
    verified    boolean     not null default false,
    created_at  timestamptz not null default now(),
    version     bigint      not null default 1
);
create unique index organisation_name_unique on organisation (lower(name));

-- A person (Keycloak subject) acts for an organisation through a membership.
create table membership (
    organisation_id uuid        not null references organisation (id) on delete cascade,
    subject         text        not null,
    created_at      timestamptz not null default now(),
    primary key (organisation_id, subject)
);
create index membership_by_subject on membership (subject);
