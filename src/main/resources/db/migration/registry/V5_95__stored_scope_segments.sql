-- The scope predicate under row-level security (V5_60). PostgreSQL applies a table's policy before
-- any condition of the query that is not leakproof, and such a condition cannot be an index
-- condition either: left(region_code, 12) = … is not leakproof, so with the wall up a community
-- worker's list page scanned all of the county's people (0.9 s at 1,000,000 instead of 2 ms). Plain
-- text equality is leakproof, so the town, community and grid segments of each row's code are
-- stored as generated columns, compared by ScopeFilter.onStoredSegments, and indexed as before.
alter table registry.people
    add column region_9 text generated always as (left(region_code, 9)) stored,
    add column region_12 text generated always as (left(region_code, 12)) stored,
    add column region_15 text generated always as (left(region_code, 15)) stored;
create index people_region_9_pinyin on registry.people (county_code, region_9, (name collate "zh-x-icu"), id);
create index people_region_12_pinyin on registry.people (county_code, region_12, (name collate "zh-x-icu"), id);
create index people_region_15_pinyin on registry.people (county_code, region_15, (name collate "zh-x-icu"), id);
drop index registry.people_scope_9_pinyin;
drop index registry.people_scope_12_pinyin;
drop index registry.people_scope_15_pinyin;

alter table registry.households
    add column region_9 text generated always as (left(region_code, 9)) stored,
    add column region_12 text generated always as (left(region_code, 12)) stored,
    add column region_15 text generated always as (left(region_code, 15)) stored;
create index households_region_9 on registry.households (county_code, region_9);
create index households_region_12 on registry.households (county_code, region_12);
drop index registry.households_scope_9;
drop index registry.households_scope_12;

alter table registry.correction_requests
    add column region_9 text generated always as (left(region_code, 9)) stored,
    add column region_12 text generated always as (left(region_code, 12)) stored,
    add column region_15 text generated always as (left(region_code, 15)) stored;
create index correction_requests_open_region on registry.correction_requests (county_code, region_12, requested_at)
    where status = 'OPEN';
drop index registry.correction_requests_open;
