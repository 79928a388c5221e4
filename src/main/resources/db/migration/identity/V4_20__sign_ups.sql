-- Self-service sign-up (注册) of residents and volunteers, confirmed by a worker of the named community.
-- The phone and the identity number are stored only encrypted (FieldCipher) with a blind index
-- (HMAC-SM3) for sign-in lookup and uniqueness; neither is ever written in clear here.
create table identity.sign_ups (
    id               uuid primary key,
    user_id          uuid        not null unique references identity.users (id),
    kind             text        not null check (kind in ('RESIDENT', 'VOLUNTEER')),
    status           text        not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'WITHDRAWN')),
    real_name        text        not null check (length(real_name) between 1 and 50),
    phone_enc        text        not null,
    phone_bidx       text        not null,
    id_number_enc    text,
    id_number_bidx   text,
    community_code   text        not null check (community_code ~ '^[0-9]{12}$'),
    county_code      text        not null check (county_code = left(community_code, 6)),
    submitted_at     timestamptz not null,
    decided_at       timestamptz,
    decided_by       uuid references identity.users (id),
    reject_reason    text check (length(reject_reason) <= 200),
    version          bigint      not null default 0,
    check ((id_number_enc is null) = (id_number_bidx is null)),
    check (kind <> 'VOLUNTEER' or id_number_bidx is not null)
);
-- one live sign-up per phone; a withdrawn one frees the number for a new application
create unique index sign_ups_phone on identity.sign_ups (phone_bidx) where status <> 'WITHDRAWN';
-- one volunteer per identity number per county
create unique index sign_ups_volunteer_id_number on identity.sign_ups (county_code, id_number_bidx)
    where kind = 'VOLUNTEER' and status <> 'WITHDRAWN';
-- the worker's queue: scoped by county and community, oldest first
create index sign_ups_queue on identity.sign_ups (county_code, community_code, status, submitted_at);

-- sign-ups are withdrawn or decided, never deleted (the audit log refers to them)
grant select, insert, update on identity.sign_ups to ${appRole};
