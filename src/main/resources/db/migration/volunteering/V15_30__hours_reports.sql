-- 补报时长: service done without check-in, reported by the volunteer for a past activity and
-- confirmed (then booked in hours_ledger) or declined with a reason by the activity's organizer
create table volunteering.hours_reports (
    county_code    text collate "C" not null,
    id             uuid        not null,
    volunteer_id   uuid        not null,
    activity_id    uuid        not null,
    region_code    text collate "C" not null,
    period_start   timestamptz not null,
    period_end     timestamptz not null,
    minutes        int         not null check (minutes between 30 and 1440),
    description    text        not null check (char_length(description) between 2 and 200),
    status         text        not null check (status in ('REPORTED', 'CONFIRMED', 'DECLINED')),
    reported_at    timestamptz not null,
    decided_by     uuid,
    decided_at     timestamptz,
    decline_reason text check (char_length(decline_reason) <= 200),
    ledger_id      uuid,
    primary key (county_code, id),
    check (period_end > period_start),
    check ((status = 'DECLINED') = (decline_reason is not null)),
    check ((status = 'REPORTED') = (decided_at is null))
);
-- one report per volunteer and activity unless declined (a declined one may be reported again)
create unique index hours_reports_one on volunteering.hours_reports (county_code, activity_id, volunteer_id)
    where status <> 'DECLINED';
create index hours_reports_by_volunteer on volunteering.hours_reports (county_code, volunteer_id, period_start);
create index hours_reports_waiting on volunteering.hours_reports (county_code, activity_id) where status = 'REPORTED';
grant select, insert, update on volunteering.hours_reports to ${appRole};
