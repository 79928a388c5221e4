create schema operations;
grant usage on schema operations to ${appRole};

-- one row per backup attempt, scheduled or started by a system admin; progress is updated while it runs
create table operations.backup_runs (
    id            uuid primary key,
    trigger       text        not null check (trigger in ('SCHEDULE', 'ADMIN')),
    started_by    uuid,
    status        text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED', 'REFUSED')),
    started_at    timestamptz not null,
    finished_at   timestamptz,
    bytes_copied  bigint      not null default 0,
    bytes_total   bigint      not null default 0,
    backup_name   text,
    message       text
);
create index backup_runs_started on operations.backup_runs (started_at desc);
grant select, insert, update on operations.backup_runs to ${appRole};
