-- Notifications (通知): a notice is written once; each recipient gets an inbox row, and each outbound
-- channel a delivery row (the outbox) that the delivery task sends after the business transaction
-- committed. Inbox rows hold links, not personal data.
create schema notifications;
grant usage on schema notifications to ${appRole};

create table notifications.notices (
    id          uuid        primary key,
    kind        text        not null,
    title       text        not null,
    body        text        not null,
    link        text        not null,
    region_code text,
    county_code text        not null,
    created_at  timestamptz not null
);
grant select, insert on notifications.notices to ${appRole};

-- one row per recipient; the key answers "is this notice mine" (someone else's is not found)
create table notifications.inbox (
    user_id    uuid        not null,
    notice_id  uuid        not null references notifications.notices,
    created_at timestamptz not null,
    read_at    timestamptz,
    primary key (user_id, notice_id)
);
create index inbox_newest on notifications.inbox (user_id, created_at desc, notice_id desc);
create index inbox_unread on notifications.inbox (user_id) where read_at is null;
grant select, insert, update (read_at) on notifications.inbox to ${appRole};

-- the outbox: one row per recipient and outbound channel; claimed by the delivery task with
-- for update skip locked, leased by moving next_attempt_at past the request's timeouts
create table notifications.deliveries (
    id              uuid        primary key,
    notice_id       uuid        not null references notifications.notices,
    user_id         uuid        not null,
    channel         text        not null,
    county_code     text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz not null,
    unique (notice_id, user_id, channel)
);
create index deliveries_due on notifications.deliveries (next_attempt_at) where status = 'PENDING';
grant select, insert, update (status, attempts, next_attempt_at, last_error, delivered_at) on notifications.deliveries to ${appRole};

-- every attempt, kept: what the gateway answered and when
create table notifications.delivery_attempts (
    delivery_id uuid        not null references notifications.deliveries,
    attempt     int         not null,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    http_status int,
    outcome     text        not null check (outcome in ('DELIVERED', 'RETRY', 'GAVE_UP')),
    error       text,
    primary key (delivery_id, attempt)
);
grant select, insert on notifications.delivery_attempts to ${appRole};

-- a county's gateway; the secret is encrypted with FieldCipher
create table notifications.webhooks (
    county_code text        primary key,
    url         text        not null,
    secret      text        not null,
    enabled     boolean     not null,
    version     int         not null,
    updated_at  timestamptz not null,
    updated_by  uuid
);
grant select, insert, update on notifications.webhooks to ${appRole};

-- what a user turned off; everything else reaches them (a mandatory kind always reaches the inbox)
create table notifications.opt_outs (
    user_id uuid not null,
    kind    text not null,
    channel text not null check (channel in ('INBOX', 'WEBHOOK')),
    primary key (user_id, kind, channel)
);
grant select, insert, delete on notifications.opt_outs to ${appRole};
