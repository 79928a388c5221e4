-- 服务排期: a recurring service (weekday-evening tutoring, weekend classes) at a venue; its
-- occurrences (场次) are activities with series_id = the schedule's id
create table volunteering.schedules (
    county_code       text collate "C" not null,
    id                uuid        not null,
    region_code       text collate "C" not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    organizer_unit_id uuid        not null,
    team_id           uuid,
    title             text        not null check (char_length(title) between 2 and 60),
    service_line      text        not null,
    venue_name        text        not null check (char_length(venue_name) between 1 and 60),
    weekdays          int[]       not null check (cardinality(weekdays) between 1 and 7),
    starts_time       time        not null,
    duration_minutes  int         not null check (duration_minutes between 15 and 720),
    slots             int         not null check (slots between 1 and 10000),
    first_day         date        not null,
    last_day          date        not null,
    active            boolean     not null default true,
    created_by        uuid        not null,
    created_at        timestamptz not null,
    primary key (county_code, id),
    check (county_code = left(region_code, 6)),
    check (last_day >= first_day)
);
create index schedules_by_region on volunteering.schedules (county_code, region_code);
grant select, insert, update on volunteering.schedules to ${appRole};
