-- Open alerts by age for the dashboard, read within the town's or community's segment.
create index alerts_open_scope_9 on care.alerts (county_code, left(region_code, 9), created_at) where status <> 'CLOSED';
create index alerts_open_scope_12 on care.alerts (county_code, left(region_code, 12), created_at) where status <> 'CLOSED';
