-- 保持登录 30 天 for accounts whose only role is 志愿者: one row per remembered browser (a series).
-- The cookie carries series and token; only a SHA-256 of the token is kept, so a copy of this table
-- signs nobody in. The token changes at every use; the series lives at most 30 days from its creation.
create table identity.remembered_devices (
    id             uuid        primary key,
    series         text        not null unique,   -- random 128 bits, base64url; names the row in the cookie
    user_id        uuid        not null references identity.users (id),
    token_hash     text        not null,          -- SHA-256 hex of the current token
    previous_hash  text,                          -- the token before the last rotation (parallel requests, see RememberedDevices)
    rotated_at     timestamptz not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,          -- created_at + 30 days, never extended
    last_used_at   timestamptz not null,
    user_agent     text        not null,          -- short form shown on the device list, e.g. "微信 · Android"
    session_ids    text[]      not null default '{}', -- the last sessions it started (tabs restored together start several), ended with it
    revoked_at     timestamptz,
    revoked_reason text
);
create index remembered_devices_user on identity.remembered_devices (user_id) where revoked_at is null;
create index remembered_devices_expiry on identity.remembered_devices (expires_at);

grant select, insert, update, delete on identity.remembered_devices to ${appRole};
