-- Care teams (关爱帮扶小组, e.g. 五位一体): a county's team types, each with its follow-up form
-- (questions) and cycle; a team per person under care with its members — accounts or outside
-- contacts (村医, 派出所民警, 残联, guardian), whose phone is encrypted (FieldCipher) — and its
-- follow-ups with who took part and the answers to the type's questions (encrypted).
create table care.team_types (
    county_code text collate "C" not null,
    id          uuid not null,
    name        text not null,
    cycle_days  int not null check (cycle_days between 1 and 366),
    questions   text[] not null check (cardinality(questions) between 1 and 20),
    created_at  timestamptz not null,
    primary key (county_code, id),
    unique (county_code, name)
);

create table care.teams (
    county_code  text collate "C" not null,
    id           uuid not null,
    person_id    uuid not null,
    region_code  text collate "C" not null,
    type_id      uuid not null,
    name         text not null,
    created_by   uuid not null,
    created_at   timestamptz not null,
    last_follow_up_on date,
    next_due_on  date not null,
    version      bigint not null,
    primary key (county_code, id),
    foreign key (county_code, type_id) references care.team_types (county_code, id)
);
create index teams_region on care.teams (county_code, region_code, next_due_on);
create index teams_person on care.teams (person_id);

create table care.team_members (
    county_code text collate "C" not null,
    id          uuid not null,
    team_id     uuid not null,
    user_id     uuid,
    name        text not null,
    unit        text not null,
    role        text not null,
    phone       text,          -- FieldCipher
    added_at    timestamptz not null,
    removed_at  timestamptz,
    primary key (county_code, id),
    foreign key (county_code, team_id) references care.teams (county_code, id)
);
create index team_members_team on care.team_members (county_code, team_id);

create table care.team_follow_ups (
    county_code     text collate "C" not null,
    id              uuid not null,
    team_id         uuid not null,
    held_on         date not null,
    participant_ids uuid[] not null check (cardinality(participant_ids) >= 1),
    answers         text[] not null,   -- each FieldCipher, in the order of the type's questions
    recorded_by     uuid not null,
    recorded_at     timestamptz not null,
    primary key (county_code, id),
    foreign key (county_code, team_id) references care.teams (county_code, id)
);
create index team_follow_ups_team on care.team_follow_ups (county_code, team_id, held_on);

grant select, insert on care.team_types to ${appRole};
grant select, insert, update on care.teams to ${appRole};
grant select, insert, update on care.team_members to ${appRole};
-- a follow-up is a record: never changed, never deleted
grant select, insert on care.team_follow_ups to ${appRole};
