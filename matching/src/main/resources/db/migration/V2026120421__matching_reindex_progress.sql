-- The latest full reindex's progress, written by the instance running it and read by any instance, so an
-- admin behind a load balancer sees one story (issue 13). One row; unlogged: progress is worth nothing
-- after a crash of the database, and the next reindex writes it again.
create unlogged table matching_reindex_progress (
    id         int         primary key default 1 check (id = 1),
    started_at timestamptz not null,
    running    boolean     not null,
    progress   jsonb       not null,
    updated_at timestamptz not null default now()
);
