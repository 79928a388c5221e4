-- The working calendar (工作日历): per year, the State Council's holidays and make-up working days
-- (调休). One national year (county_code null) and, where a county's calendar differs, that county's
-- own year replacing it. A year is replaced whole, so its days are deleted and inserted together.
create schema calendar;

create table calendar.years (
    id          bigint generated always as identity primary key,
    county_code text collate "C" check (county_code ~ '^[0-9]{6}$'),
    year        integer     not null check (year between 2000 and 2100),
    source      text        not null check (source in ('SEEDED', 'ENTERED')),
    version     bigint      not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    unique nulls not distinct (county_code, year)
);

create table calendar.days (
    year_id bigint not null references calendar.years (id),
    day     date   not null,
    kind    text   not null check (kind in ('HOLIDAY', 'MAKE_UP_WORKDAY')),
    name    text   not null check (char_length(name) between 1 and 20),
    primary key (year_id, day)
);

-- 办公时间 of a county, e.g. '08:30-12:00,14:30-18:00'; a county without a row uses the configured default.
create table calendar.office_hours (
    county_code text collate "C" primary key check (county_code ~ '^[0-9]{6}$'),
    periods     text        not null,
    version     bigint      not null,
    changed_by  text        not null,
    changed_at  timestamptz not null
);

grant usage on schema calendar to ${appRole};
grant select, insert, update on calendar.years to ${appRole};
grant select, insert, delete on calendar.days to ${appRole};
grant select, insert, update on calendar.office_hours to ${appRole};
