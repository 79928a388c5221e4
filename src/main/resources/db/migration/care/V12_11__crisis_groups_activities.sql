-- Crisis intervention (危机干预) is a case of kind CRISIS: first contact due within the county's
-- crisis hours, a safety plan, a contact at least daily until de-escalated (each due time is the
-- deadline care.crisis-contact). Its notes are private as a case's are.
alter table care.cases
    add column kind text not null default 'CASE' check (kind in ('CASE', 'CRISIS')),
    add column first_contact_due timestamptz,
    add column first_contact_at timestamptz,
    add column next_contact_due timestamptz,
    add column safety_plan text,      -- FieldCipher
    add column deescalated_at timestamptz,
    add constraint cases_crisis_due check ((kind = 'CRISIS') = (first_contact_due is not null));

alter table care.case_notes drop constraint case_notes_kind_check;
alter table care.case_notes add constraint case_notes_kind_check
    check (kind in ('ASSESSMENT', 'PLAN', 'INTERVENTION', 'REVIEW', 'CONTACT', 'SAFETY_PLAN', 'DEESCALATION'));

-- Groups (小组工作): a worker runs a group in a region for its members (named participants,
-- possibly people under care); meetings with attendance and notes (encrypted, for the group's
-- worker and co-workers only, reads audited).
create table care.groups (
    county_code  text collate "C" not null,
    id           uuid not null,
    region_code  text collate "C" not null,
    name         text not null,
    purpose      text not null,
    worker_id    uuid not null,
    team_ids     uuid[] not null,
    status       text not null check (status in ('OPEN', 'CLOSED')),
    opened_at    timestamptz not null,
    version      bigint not null,
    primary key (county_code, id)
);
create index groups_region on care.groups (county_code, region_code, status);

create table care.group_members (
    county_code text collate "C" not null,
    id          uuid not null,
    group_id    uuid not null,
    name        text not null,   -- FieldCipher
    person_id   uuid,
    joined_at   timestamptz not null,
    primary key (county_code, id),
    foreign key (county_code, group_id) references care.groups (county_code, id)
);
create index group_members_group on care.group_members (county_code, group_id);

create table care.group_meetings (
    county_code  text collate "C" not null,
    id           uuid not null,
    group_id     uuid not null,
    held_on      date not null,
    topic        text not null,
    attended_ids uuid[] not null,
    notes        text,            -- FieldCipher
    recorded_by  uuid not null,
    recorded_at  timestamptz not null,
    primary key (county_code, id),
    foreign key (county_code, group_id) references care.groups (county_code, id)
);
create index group_meetings_group on care.group_meetings (county_code, group_id, held_on);

-- Community activities (社区活动): date, place, 人次; figures, not people.
create table care.activities (
    county_code  text collate "C" not null,
    id           uuid not null,
    region_code  text collate "C" not null,
    title        text not null,
    held_on      date not null,
    place        text not null,
    attendance   int not null check (attendance between 0 and 100000),
    summary      text,
    recorded_by  uuid not null,
    recorded_at  timestamptz not null,
    primary key (county_code, id)
);
create index activities_region on care.activities (county_code, region_code, held_on);

grant select, insert, update on care.groups to ${appRole};
grant select, insert on care.group_members to ${appRole};
grant select, insert on care.group_meetings to ${appRole};
grant select, insert on care.activities to ${appRole};
