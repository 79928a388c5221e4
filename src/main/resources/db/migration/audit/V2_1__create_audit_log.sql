-- The audit log (审计日志): append-only, hash-chained per county (design §5, security.md 25-28).
create schema audit;

create table audit.entries (
    id            bigserial primary key,
    chain         text        not null,   -- county code (6 digits) of the object, or 'system'
    seq           bigint      not null,   -- position in its chain, from 1
    occurred_at   timestamptz not null,
    actor_id      uuid,
    actor_name    text,
    actor_roles   text,
    actor_scope   text,
    action        text        not null,
    object_type   text,
    object_id     text,
    object_region text,
    outcome       text        not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    client_ip     text,
    request_id    text,
    reason        text,
    detail        text,
    prev_hash     text        not null,
    hash          text        not null,
    unique (chain, seq)
);
create index entries_by_time on audit.entries (occurred_at desc);
create index entries_by_actor on audit.entries (actor_name, occurred_at desc);
create index entries_by_action on audit.entries (action, occurred_at desc);
create index entries_by_object on audit.entries (object_type, object_id);

-- Even the owner cannot change history without first disabling this trigger (which the
-- verification then detects through the hash chain).
create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only' using errcode = '42501';
end
$$;
create trigger entries_append_only before update or delete on audit.entries
    for each row execute function audit.refuse_change();
create trigger entries_no_truncate before truncate on audit.entries
    for each statement execute function audit.refuse_change();

grant usage on schema audit to ${appRole};
grant select, insert on audit.entries to ${appRole};
grant usage on sequence audit.entries_id_seq to ${appRole};
