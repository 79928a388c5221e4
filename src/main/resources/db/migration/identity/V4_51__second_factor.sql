-- Second factor (TOTP, RFC 6238) and the county's policy for it (security.md item 7).
create table identity.second_factors (
    user_id          uuid primary key references identity.users (id),
    secret_encrypted text        not null,          -- FieldCipher (SM4-GCM) of the Base32 secret
    enrolled_at      timestamptz not null,
    last_used_step   bigint      not null default 0 -- a code once accepted is never accepted again
);

-- Shown once at enrolment; only a SHA-256 of each (they are random, 50 bits each) is kept.
create table identity.recovery_codes (
    user_id   uuid        not null references identity.users (id),
    code_hash text        not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

-- Per county: whether every account (not only the three administrators) must use a second factor.
create table identity.county_policies (
    county_code            text primary key check (county_code ~ '^[0-9]{6}$'),
    second_factor_required boolean     not null default false,
    updated_at             timestamptz not null,
    updated_by             uuid references identity.users (id)
);

grant select, insert, update, delete on identity.second_factors to ${appRole};
grant select, insert, update, delete on identity.recovery_codes to ${appRole};
grant select, insert, update on identity.county_policies to ${appRole};
