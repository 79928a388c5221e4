-- 好事积分: the county's list of good deeds with their points, awarded by a worker with a note
create table volunteering.points_deeds (
    county_code text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    id          uuid        not null,
    name        text        not null check (char_length(name) between 2 and 30),
    points      int         not null check (points between 1 and 1000),
    active      boolean     not null default true,
    created_at  timestamptz not null,
    primary key (county_code, id)
);
create unique index points_deeds_name on volunteering.points_deeds (county_code, name) where active;
grant select, insert, update on volunteering.points_deeds to ${appRole};
