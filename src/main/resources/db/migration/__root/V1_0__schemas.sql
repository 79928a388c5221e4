-- One schema per module; the application role gets only what each module grants it.
create extension if not exists pg_trgm;

create schema if not exists event_publication_registry;
grant usage on schema event_publication_registry to ${appRole};

-- Spring Modulith's JDBC event publication registry (outbox): no event is lost on a crash.
create table event_publication_registry.event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_by_completion on event_publication_registry.event_publication (completion_date);
create index event_publication_serialized_event_hash_idx on event_publication_registry.event_publication using hash (serialized_event);
grant select, insert, update, delete on event_publication_registry.event_publication to ${appRole};
