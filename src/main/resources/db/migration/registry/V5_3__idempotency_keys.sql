-- Idempotency-Key of POST /api/v1/people (design §1): a retried create answers with the person
-- the first attempt registered instead of registering again or reporting a duplicate.
create table registry.idempotency_keys (
    actor_id    uuid not null,
    key         text not null,
    person_id   uuid not null references registry.people (id) on delete cascade,
    created_at  timestamptz not null,
    primary key (actor_id, key)
);
grant select, insert, delete on registry.idempotency_keys to ${appRole};
