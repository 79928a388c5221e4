-- db-scheduler's task table (one row per pending execution; deleted when a one-time task completes)
-- and the record of fired deadlines that makes a firing happen once even when an execution is
-- re-run after a crash between its commit and db-scheduler's own completion.
create schema scheduling;
grant usage on schema scheduling to ${appRole};

create table scheduling.scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduling.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduling.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduling.scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduling.scheduled_tasks to ${appRole};

-- a deadline moved to a new time may fire again, hence the due time in the key
create table scheduling.fired_deadlines (
    task_instance text        not null,
    due_at        timestamptz not null,
    fired_at      timestamptz not null,
    primary key (task_instance, due_at)
);
grant select, insert, delete on scheduling.fired_deadlines to ${appRole};
