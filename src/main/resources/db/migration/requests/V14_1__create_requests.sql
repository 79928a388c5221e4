-- Residents' matters (诉求与办事): the versioned service catalogue, matters with their timeline,
-- materials and told-once returns, desk hours and appointments, monthly figures per unit.
create schema requests;

-- One row per item and version: a matter keeps the version it was taken in; a new version retires
-- the old one in the same transaction, so a code has at most one active version.
create table requests.catalogue_items (
    county_code  text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    id           uuid        not null,
    code         text collate "C" not null check (code ~ '^[a-z0-9-]{2,40}$'),
    version      int         not null check (version > 0),
    category     text        not null check (char_length(category) between 2 and 20),
    name         text        not null check (char_length(name) between 2 and 40),
    aliases      text[]      not null,
    conditions   text[]      not null,
    -- [{"code","name","original","count"}]
    materials    jsonb       not null,
    channels     text[]      not null check (channels <@ array['DESK','SELF_SERVICE','APPOINTMENT','AT_HOME','PROXY','REPORT']),
    -- the working days each level (COMMUNITY, TOWN, COUNTY) may take, 0 where the level is skipped
    community_days int       not null check (community_days >= 0),
    town_days    int         not null check (town_days >= 0),
    county_days  int         not null check (county_days >= 0),
    total_days   int         not null check (total_days > 0),
    department   text,                      -- the county department the catalogue proposes (e.g. 民政局)
    urgent       boolean     not null,      -- 急难愁盼
    where_when   text        not null,
    active       boolean     not null,
    created_at   timestamptz not null,
    retired_at   timestamptz,
    primary key (county_code, id),
    unique (county_code, code, version),
    check (active = (retired_at is null))
);
create unique index catalogue_one_active on requests.catalogue_items (county_code, code) where active;

-- 导办 questions: each answer leads to items by code
create table requests.guide_questions (
    county_code text collate "C" not null,
    position    int  not null,
    question    text not null,
    -- [{"label","items":[code…]}]
    answers     jsonb not null,
    primary key (county_code, position)
);

create table requests.matters (
    county_code       text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    id                uuid        not null,
    number            text collate "C" not null,
    item_id           uuid        not null,
    item_code         text collate "C" not null,
    item_version      int         not null,
    urgent            boolean     not null,
    region_code       text collate "C" not null check (region_code ~ '^[0-9]{12}([0-9]{3})?$'),
    channel           text        not null check (channel in ('DESK','SELF_SERVICE','APPOINTMENT','AT_HOME','PROXY','REPORT')),
    status            text        not null check (status in ('AWAITING_SIGN','HANDLING','RETURNED','CLOSED','MERGED')),
    level             text        not null check (level in ('COMMUNITY','TOWN','COUNTY')),
    unit_id           uuid        not null,          -- the unit the matter sits at
    from_unit_id      uuid,                          -- who handed it over, while it awaits signing
    assignee_user_id  uuid,
    applicant_user_id uuid,                          -- the resident's own account, when they have one
    submitted_by      uuid        not null,
    applicant_name    text        not null,          -- FieldCipher
    applicant_phone   text,                          -- FieldCipher
    applicant_phone_index text,                      -- BlindIndex
    person_id         uuid,                          -- registry person, via PersonDirectory
    proxy_name        text,                          -- FieldCipher
    proxy_relation    text,
    description       text        not null check (char_length(description) between 1 and 1000),
    latitude          double precision,
    longitude         double precision,
    submitted_at      timestamptz not null,
    handed_at         timestamptz not null,          -- last handover (or intake)
    sign_due_at       timestamptz,
    signed_late       boolean     not null default false,
    level_due_at      timestamptz not null,
    due_at            timestamptz not null,
    paused_at         timestamptz,
    remaining_days    int,
    returned          boolean     not null default false,
    warned            boolean     not null default false,
    overdue           boolean     not null default false,
    closed_at         timestamptz,
    closing_unit_id   uuid,
    result            text,
    closed_on_time    boolean,
    rating            smallint check (rating between 1 and 5),
    rating_comment    text,
    rated_at          timestamptz,
    reopened          boolean     not null default false,
    merged_into       uuid,
    version           bigint      not null,
    primary key (county_code, id),
    unique (county_code, number)
);
-- a unit's inbox, newest first
create index matters_by_unit on requests.matters (county_code, unit_id, submitted_at desc);
create index matters_by_applicant on requests.matters (county_code, applicant_user_id, submitted_at desc)
    where applicant_user_id is not null;
create index matters_by_submitter on requests.matters (county_code, submitted_by, submitted_at desc);
create index matters_by_region on requests.matters (county_code, region_code, submitted_at desc);

-- every handover, signature, return, closing … in order
create table requests.matter_events (
    county_code  text collate "C" not null,
    matter_id    uuid        not null,
    id           bigint generated always as identity,
    at           timestamptz not null,
    kind         text        not null,
    actor_id     uuid,
    actor_name   text,
    unit_id      uuid,                 -- the unit acting
    to_unit_id   uuid,                 -- the unit it went to (forward, send back, decline)
    note         text,
    primary key (county_code, matter_id, id)
);
-- units a matter passed through, for "routed to my unit" and the figures per unit
create index matter_events_by_unit on requests.matter_events (county_code, to_unit_id, matter_id) where to_unit_id is not null;

create table requests.matter_materials (
    county_code   text collate "C" not null,
    matter_id     uuid not null,
    code          text not null,
    name          text not null,
    provision     text not null check (provision in ('ATTACHED','SEEN_AT_DESK')),
    attachment_id uuid,
    primary key (county_code, matter_id, code)
);

-- 一次告知: at most one per matter, by the key
create table requests.matter_returns (
    county_code  text collate "C" not null,
    matter_id    uuid        not null,
    problems     jsonb       not null,   -- [{"material","problem"}]
    note         text,
    returned_at  timestamptz not null,
    returned_by  uuid        not null,
    unit_id      uuid        not null,
    document_serial text,
    resubmitted_at timestamptz,
    primary key (county_code, matter_id)
);

create table requests.follow_ups (
    county_code text collate "C" not null,
    matter_id   uuid        not null,
    at          timestamptz not null,
    by_user     uuid        not null,
    satisfied   boolean,
    note        text        not null,
    primary key (county_code, matter_id, at)
);

-- 错时 desk hours of a community: one row per weekday and opening; holidays close unless open_on_holiday
create table requests.desk_hours (
    county_code    text collate "C" not null,
    community_code text collate "C" not null check (community_code ~ '^[0-9]{12}$'),
    weekday        smallint not null check (weekday between 1 and 7),
    opens          time     not null,
    closes         time     not null,
    slot_minutes   int      not null check (slot_minutes between 10 and 240),
    capacity       int      not null check (capacity between 1 and 50),
    open_on_holiday boolean not null,
    primary key (county_code, community_code, weekday, opens),
    check (opens < closes)
);

create table requests.appointments (
    county_code    text collate "C" not null,
    id             uuid        not null,
    community_code text collate "C" not null,
    item_id        uuid        not null,
    starts_at      timestamptz not null,
    user_id        uuid        not null,
    status         text        not null check (status in ('BOOKED','CANCELLED','ATTENDED','NO_SHOW')),
    booked_at      timestamptz not null,
    primary key (county_code, id)
);
create index appointments_by_slot on requests.appointments (county_code, community_code, starts_at) where status = 'BOOKED';
create index appointments_by_user on requests.appointments (county_code, user_id, starts_at desc);

-- figures of a month per unit, frozen on the 1st of the next month
create table requests.monthly_figures (
    county_code     text collate "C" not null,
    month           date    not null,
    unit_id         uuid    not null,
    unit_name       text    not null,
    received        int     not null,
    signed_in_time  int     not null,
    resolved        int     not null,
    rated           int     not null,
    satisfied       int     not null,
    on_time         int     not null,
    average_days    numeric(8, 2),
    returns         int     not null,
    reopenings      int     not null,
    urgent_solved   int     not null,
    top_items       text    not null,
    top_places      text    not null,
    frozen_at       timestamptz not null,
    primary key (county_code, month, unit_id)
);

-- A number per county and year from a sequence of its own, made on first use: numbering never
-- serialises intakes behind one counter row.
create function requests.next_number(county text, yr int) returns bigint
    language plpgsql security definer set search_path = pg_catalog
as $$
declare
    seq text;
begin
    if county !~ '^[0-9]{6}$' or yr < 2000 or yr > 2999 then
        raise exception 'not a county and year: %, %', county, yr;
    end if;
    seq := format('requests.number_%s_%s', county, yr);
    begin
        return nextval(seq::regclass);
    exception when undefined_table then
        begin
            execute format('create sequence if not exists %s', seq);
        exception when unique_violation then
            null; -- another intake made it first
        end;
        return nextval(seq::regclass);
    end;
end
$$;
revoke all on function requests.next_number(text, int) from public;

grant usage on schema requests to ${appRole};
grant execute on function requests.next_number(text, int) to ${appRole};
grant select, insert, update on requests.catalogue_items to ${appRole};
grant select, insert, update, delete on requests.guide_questions to ${appRole};
grant select, insert, update on requests.matters to ${appRole};
grant select, insert on requests.matter_events to ${appRole};
grant select, insert on requests.matter_materials to ${appRole};
grant select, insert, update on requests.matter_returns to ${appRole};
grant select, insert on requests.follow_ups to ${appRole};
grant select, insert, update, delete on requests.desk_hours to ${appRole};
grant select, insert, update on requests.appointments to ${appRole};
grant select, insert, delete on requests.monthly_figures to ${appRole};
