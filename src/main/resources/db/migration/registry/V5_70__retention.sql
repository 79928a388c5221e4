-- How long a county keeps the record of a person after it was closed (销档), in days (security.md
-- item 10, design §5). No row: the county keeps closed records (nothing is purged).
create table registry.retention_policies (
    county_code    text primary key check (county_code ~ '^[0-9]{6}$'),
    retention_days int         not null check (retention_days >= 365),
    updated_at     timestamptz not null
);
grant select, insert, update on registry.retention_policies to ${appRole};
-- the purge deletes the closed person (their categories, parties, history and corrections go with
-- them) and a household left without members: RetentionPurge is the only code that deletes
create index people_closed_by_county on registry.people (county_code, status_on) where status = 'CLOSED';
