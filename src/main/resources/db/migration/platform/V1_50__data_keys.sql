-- Envelope encryption (docs/registry-fields.md "Keys"): the field-encryption, blind-index, signing and
-- audit-chain keys are stored here only wrapped (SM4-GCM, bound to purpose and version) under a master
-- key that is never in the database nor in ./data. Rotating the master key rewrites these few rows only.
create table platform.data_keys (
    purpose      text        not null check (purpose in ('field', 'blind-index', 'signing', 'audit-chain')),
    version      int         not null check (version >= 1),
    master_id    text        not null,
    wrapped      text        not null,
    created_at   timestamptz not null default now(),
    rewrapped_at timestamptz,
    primary key (purpose, version)
);
-- no delete: a lost data key is lost data
grant select, insert on platform.data_keys to ${appRole};
grant update (master_id, wrapped, rewrapped_at) on platform.data_keys to ${appRole};
