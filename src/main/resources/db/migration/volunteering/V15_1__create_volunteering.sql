-- Volunteers (志愿者), teams, activities, check-in, the hours ledger, star levels and the points store.
-- Identity numbers and phones are stored only encrypted (FieldCipher) with a blind index (HMAC-SM3).
-- Every big table is keyed (county_code, id) so a later partitioning by county prunes (design §6).
create schema volunteering;
grant usage on schema volunteering to ${appRole};

create table volunteering.volunteers (
    county_code     text collate "C" not null,
    id              uuid        not null,
    user_id         uuid,
    community_code  text collate "C" not null check (community_code ~ '^[0-9]{12}$'),
    real_name       text        not null check (char_length(real_name) between 1 and 50),
    id_number_enc   text        not null,
    id_number_bidx  text        not null,
    id_type         text        not null default 'RESIDENT_ID',
    phone_enc       text,
    phone_bidx      text,
    birth_year      int         not null check (birth_year between 1900 and 2100),
    skills          text[]      not null default '{}',
    availability    text check (char_length(availability) <= 100),
    backbone        boolean     not null default false,
    party_member    boolean     not null default false,
    party_confirmed boolean     not null default false,
    sending_unit_id uuid,
    sending_employer text check (char_length(sending_employer) <= 60),
    star_level      int         not null default 0 check (star_level between 0 and 5),
    source          text        not null check (source in ('SIGN_UP', 'WORKER', 'IMPORT', 'DEMO')),
    created_at      timestamptz not null,
    version         bigint      not null default 0,
    primary key (county_code, id),
    check (county_code = left(community_code, 6)),
    check ((phone_enc is null) = (phone_bidx is null))
);
-- one volunteer per identity number per county
create unique index volunteers_id_number on volunteering.volunteers (county_code, id_number_bidx);
create unique index volunteers_user on volunteering.volunteers (user_id) where user_id is not null;
create index volunteers_by_community on volunteering.volunteers (county_code, community_code, real_name);
grant select, insert, update on volunteering.volunteers to ${appRole};

-- 志愿服务队: belongs to one unit, lives at the unit's region
create table volunteering.teams (
    county_code    text collate "C" not null,
    id             uuid        not null,
    unit_id        uuid        not null,
    region_code    text collate "C" not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    name           text        not null check (char_length(name) between 2 and 60),
    leader_user_id uuid,
    created_at     timestamptz not null,
    primary key (county_code, id),
    check (county_code = left(region_code, 6))
);
create unique index teams_name on volunteering.teams (county_code, name);
create index teams_by_leader on volunteering.teams (leader_user_id) where leader_user_id is not null;
grant select, insert, update on volunteering.teams to ${appRole};

create table volunteering.team_members (
    county_code  text collate "C" not null,
    team_id      uuid not null,
    volunteer_id uuid not null,
    joined_on    date not null,
    left_on      date,
    primary key (county_code, team_id, volunteer_id, joined_on),
    check (left_on is null or left_on >= joined_on)
);
-- at most one open membership per volunteer and team
create unique index team_members_open on volunteering.team_members (county_code, team_id, volunteer_id) where left_on is null;
create index team_members_by_volunteer on volunteering.team_members (county_code, volunteer_id);
grant select, insert, update on volunteering.team_members to ${appRole};

-- 活动 and 场次: a recurring service's occurrence is an activity with its venue and series
create table volunteering.activities (
    county_code       text collate "C" not null,
    id                uuid        not null,
    region_code       text collate "C" not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    organizer_unit_id uuid        not null,
    team_id           uuid,
    team_only         boolean     not null default false,
    title             text        not null check (char_length(title) between 2 and 60),
    service_line      text        not null,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    cancel_cutoff     timestamptz not null,
    venue_name        text        not null check (char_length(venue_name) between 1 and 60),
    venue_lat         double precision not null check (venue_lat between -90 and 90),
    venue_lng         double precision not null check (venue_lng between -180 and 180),
    radius_m          int         not null check (radius_m between 20 and 5000),
    slots             int         not null check (slots between 1 and 10000),
    skills            text[]      not null default '{}',
    status            text        not null check (status in ('OPEN', 'CANCELLED', 'CONFIRMED')),
    series_id         uuid,
    people_served     int check (people_served >= 0),
    created_by        uuid        not null,
    created_at        timestamptz not null,
    confirmed_at      timestamptz,
    confirmed_by      uuid,
    version           bigint      not null default 0,
    primary key (county_code, id),
    check (county_code = left(region_code, 6)),
    check (ends_at > starts_at),
    check (cancel_cutoff <= starts_at)
);
create index activities_by_region on volunteering.activities (county_code, region_code, starts_at);
create index activities_by_unit on volunteering.activities (county_code, organizer_unit_id, starts_at);
create index activities_by_series on volunteering.activities (county_code, series_id, starts_at) where series_id is not null;
grant select, insert, update on volunteering.activities to ${appRole};

create table volunteering.enrolments (
    county_code  text collate "C" not null,
    activity_id  uuid        not null,
    volunteer_id uuid        not null,
    status       text        not null check (status in ('ENROLLED', 'WAITLISTED', 'CANCELLED')),
    enrolled_at  timestamptz not null,
    primary key (county_code, activity_id, volunteer_id)
);
create index enrolments_by_volunteer on volunteering.enrolments (county_code, volunteer_id);
grant select, insert, update on volunteering.enrolments to ${appRole};

-- 签到: one row per volunteer and occurrence; only distance and reported accuracy, never the position
create table volunteering.attendances (
    county_code          text collate "C" not null,
    activity_id          uuid        not null,
    volunteer_id         uuid        not null,
    checked_in_at        timestamptz not null,
    check_in_distance_m  int,
    check_in_accuracy_m  int,
    checked_out_at       timestamptz,
    check_out_distance_m int,
    by_organizer         boolean     not null default false,
    organizer_reason     text check (char_length(organizer_reason) <= 200),
    recorded_by          uuid        not null,
    primary key (county_code, activity_id, volunteer_id),
    check (checked_out_at is null or checked_out_at >= checked_in_at),
    check (by_organizer = (organizer_reason is not null))
);
create index attendances_by_volunteer on volunteering.attendances (county_code, volunteer_id);
grant select, insert, update on volunteering.attendances to ${appRole};

-- The hours ledger (时长台账): append-only; a correction is a reversing row, never an update
create table volunteering.hours_ledger (
    county_code       text collate "C" not null,
    id                uuid        not null,
    volunteer_id      uuid        not null,
    activity_id       uuid        not null,
    region_code       text collate "C" not null,
    organizer_unit_id uuid        not null,
    team_id           uuid,
    period_start      timestamptz not null,
    period_end        timestamptz not null,
    minutes           int         not null,
    kind              text        not null check (kind in ('CONFIRMED', 'REVERSAL')),
    reverses_id       uuid,
    reason            text check (char_length(reason) <= 200),
    recorded_by       uuid        not null,
    recorded_at       timestamptz not null,
    primary key (county_code, id),
    check (period_end >= period_start),
    check ((kind = 'REVERSAL') = (reverses_id is not null)),
    check (kind = 'REVERSAL' or minutes >= 0)
);
create index hours_by_volunteer on volunteering.hours_ledger (county_code, volunteer_id, period_start);
create index hours_by_region on volunteering.hours_ledger (county_code, region_code, period_start);
-- a row is reversed at most once
create unique index hours_reversed_once on volunteering.hours_ledger (county_code, reverses_id) where reverses_id is not null;
grant select, insert on volunteering.hours_ledger to ${appRole};

-- 星级 changes, also the ones a correction takes away (never silent)
create table volunteering.star_changes (
    county_code  text collate "C" not null,
    volunteer_id uuid        not null,
    changed_at   timestamptz not null,
    from_level   int         not null,
    to_level     int         not null,
    cause        text        not null check (cause in ('CONFIRMATION', 'CORRECTION', 'RECOMPUTE')),
    primary key (county_code, volunteer_id, changed_at, to_level)
);
grant select, insert on volunteering.star_changes to ${appRole};

-- 服务成效: outcome counts entered at confirmation
create table volunteering.outcomes (
    county_code  text collate "C" not null,
    activity_id  uuid        not null,
    outcome      text        not null,
    quantity     numeric(12, 2) not null check (quantity >= 0),
    region_code  text collate "C" not null,
    recorded_at  timestamptz not null,
    primary key (county_code, activity_id, outcome)
);
grant select, insert on volunteering.outcomes to ${appRole};

-- 积分超市: one store per community; ledger append-only, balance kept beside it and never negative
create table volunteering.points_ledger (
    county_code    text collate "C" not null,
    id             uuid        not null,
    community_code text collate "C" not null,
    volunteer_id   uuid        not null,
    points         int         not null,
    kind           text        not null check (kind in ('HOURS', 'DEED', 'REDEMPTION', 'REVERSAL', 'EXPIRY')),
    reference_id   uuid,
    reason         text check (char_length(reason) <= 200),
    recorded_by    uuid        not null,
    recorded_at    timestamptz not null,
    primary key (county_code, id)
);
create index points_by_volunteer on volunteering.points_ledger (county_code, volunteer_id, recorded_at);
create index points_by_community on volunteering.points_ledger (county_code, community_code, recorded_at);
grant select, insert on volunteering.points_ledger to ${appRole};

create table volunteering.points_balances (
    county_code    text collate "C" not null,
    community_code text collate "C" not null,
    volunteer_id   uuid   not null,
    balance        int    not null check (balance >= 0),
    primary key (county_code, community_code, volunteer_id)
);
grant select, insert, update on volunteering.points_balances to ${appRole};

create table volunteering.goods (
    county_code    text collate "C" not null,
    id             uuid        not null,
    community_code text collate "C" not null check (community_code ~ '^[0-9]{12}$'),
    name           text        not null check (char_length(name) between 1 and 40),
    price_points   int         not null check (price_points > 0),
    stock          int         not null check (stock >= 0),
    merchant       text check (char_length(merchant) <= 60),
    active         boolean     not null default true,
    created_at     timestamptz not null,
    primary key (county_code, id),
    check (county_code = left(community_code, 6))
);
create index goods_by_community on volunteering.goods (county_code, community_code, name);
grant select, insert, update on volunteering.goods to ${appRole};

create table volunteering.redemptions (
    county_code    text collate "C" not null,
    id             uuid        not null,
    community_code text collate "C" not null,
    goods_id       uuid        not null,
    volunteer_id   uuid        not null,
    quantity       int         not null check (quantity > 0),
    points         int         not null check (points > 0),
    redeemed_by    uuid        not null,
    redeemed_at    timestamptz not null,
    primary key (county_code, id)
);
create index redemptions_by_community on volunteering.redemptions (county_code, community_code, redeemed_at);
grant select, insert on volunteering.redemptions to ${appRole};

-- 志愿服务记录证明 issued, to refuse a certificate of no confirmed hours and to list them
create table volunteering.certificates (
    county_code  text collate "C" not null,
    serial       text        not null,
    volunteer_id uuid        not null,
    minutes      int         not null check (minutes > 0),
    period_from  date        not null,
    period_to    date        not null,
    issued_at    timestamptz not null,
    primary key (county_code, serial)
);
grant select, insert on volunteering.certificates to ${appRole};
