-- 好事清单 kept on a page: a deed can be retired (停用, with a reason) and reinstated; its points can change.
-- Ledger rows keep the points they were awarded, so a change needs no rewrite; the changes are kept here.
alter table volunteering.points_deeds
    add column retired_at    timestamptz,
    add column retire_reason text check (char_length(retire_reason) <= 200);

create table volunteering.points_deed_changes (
    county_code text collate "C" not null,
    id          uuid        not null,
    deed_id     uuid        not null,
    change      text        not null check (change in ('ADD', 'POINTS', 'RETIRE', 'REINSTATE')),
    from_points int,
    to_points   int,
    reason      text check (char_length(reason) <= 200),
    changed_by  uuid        not null,
    changed_at  timestamptz not null,
    primary key (county_code, id)
);
create index points_deed_changes_by_deed on volunteering.points_deed_changes (county_code, deed_id, changed_at);
grant select, insert on volunteering.points_deed_changes to ${appRole};

-- 每小时积分 per county: each setting is a row (history); the newest applies to hours confirmed from then on.
-- A county without a row earns wushe.volunteering.points-per-hour.
create table volunteering.points_hour_rates (
    county_code     text collate "C" not null check (county_code ~ '^[0-9]{6}$'),
    set_at          timestamptz not null,
    points_per_hour int         not null check (points_per_hour between 0 and 1000),
    set_by          uuid        not null,
    primary key (county_code, set_at)
);
grant select, insert on volunteering.points_hour_rates to ${appRole};
