-- Accounts, role assignments, login throttling and personal access tokens (design §3, security.md A/B).
create schema identity;

create table identity.users (
    id                   uuid primary key,
    username             text        not null check (username ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$'),
    display_name         text        not null check (length(display_name) between 1 and 50),
    phone                text,
    password_hash        text        not null,   -- Argon2id, PHC string
    password_changed_at  timestamptz not null,
    must_change_password boolean     not null,
    enabled              boolean     not null,
    home_region_code     text        not null check (home_region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    county_code          text        not null check (county_code = left(home_region_code, 6)),
    last_login_at        timestamptz,
    version              bigint      not null default 0,
    created_at           timestamptz not null
);
-- one login per name regardless of case: Admin and admin cannot both exist
create unique index users_username_ci on identity.users (lower(username));
create index users_by_region on identity.users (county_code, home_region_code);

create table identity.role_assignments (
    id          uuid primary key,
    user_id     uuid        not null references identity.users (id),
    role        text        not null,
    scope_code  text        not null check (scope_code ~ '^[0-9]{6}([0-9]{3}){0,3}$'),
    county_code text        not null check (county_code = left(scope_code, 6)),
    org_id      uuid,
    granted_by  uuid references identity.users (id),   -- null for seeded demo accounts
    granted_at  timestamptz not null,
    unique (user_id, role, scope_code)
);
create index role_assignments_by_scope on identity.role_assignments (county_code, scope_code);

-- Not a foreign key: unknown usernames are counted too, so lockout does not reveal which exist.
create table identity.login_failures (
    username_normalized text primary key,
    failures            int not null default 0,
    window_started_at   timestamptz,
    locked_until        timestamptz
);

create table identity.api_tokens (
    id           uuid primary key,
    user_id      uuid        not null references identity.users (id),
    name         text        not null check (length(name) between 1 and 50),
    prefix       text        not null,
    token_hash   text        not null unique,   -- SHA-256 hex of the whole token; the token itself is never stored
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_tokens_by_user on identity.api_tokens (user_id, created_at desc);

grant usage on schema identity to ${appRole};
-- accounts are disabled, never deleted (the audit log refers to them)
grant select, insert, update on identity.users to ${appRole};
-- a role is granted or revoked, never edited in place
grant select, insert, delete on identity.role_assignments to ${appRole};
grant select, insert, update, delete on identity.login_failures to ${appRole};
-- tokens are revoked, never deleted
grant select, insert, update on identity.api_tokens to ${appRole};
