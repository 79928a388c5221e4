-- Idempotency-Key of any POST (platform.web.Idempotency): the first answer to a key is kept and
-- replayed to a retry of the same request by the same user, until it expires.
create schema if not exists platform;
grant usage on schema platform to ${appRole};

create table platform.idempotent_requests (
    actor_id     uuid not null,
    key          text not null,
    -- SHA-256 of the operation and the request's content: the same key with another request is refused
    fingerprint  text not null,
    -- null while the first request is still running
    status       int,
    headers      text,
    body         text,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    primary key (actor_id, key)
);
create index idempotent_requests_by_expiry on platform.idempotent_requests (expires_at);
grant select, insert, update, delete on platform.idempotent_requests to ${appRole};
