-- 年度荣誉: 优秀志愿者 and 优秀志愿服务队 of a year, nominated from the year's confirmed hours or by
-- hand, decided (awarded or declined with a reason) by a town or county, certificates in batch
create table volunteering.honours (
    county_code        text collate "C" not null,
    id                 uuid        not null,
    year               int         not null check (year between 2000 and 2100),
    title              text        not null check (title in ('EXCELLENT_VOLUNTEER', 'EXCELLENT_TEAM')),
    region_code        text collate "C" not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    volunteer_id       uuid,
    team_id            uuid,
    minutes            bigint      not null default 0,
    status             text        not null check (status in ('NOMINATED', 'AWARDED', 'DECLINED')),
    nominated_by       uuid        not null,
    nominated_at       timestamptz not null,
    decided_by         uuid,
    decided_at         timestamptz,
    reason             text check (char_length(reason) <= 200),
    certificate_serial text,
    primary key (county_code, id),
    check (county_code = left(region_code, 6)),
    check ((title = 'EXCELLENT_VOLUNTEER') = (volunteer_id is not null and team_id is null)),
    check ((title = 'EXCELLENT_TEAM') = (team_id is not null and volunteer_id is null)),
    check (status <> 'DECLINED' or reason is not null)
);
-- one nomination per subject, year, title and deciding region
create unique index honours_once on volunteering.honours (county_code, year, title, region_code, coalesce(volunteer_id, team_id));
grant select, insert, update on volunteering.honours to ${appRole};
