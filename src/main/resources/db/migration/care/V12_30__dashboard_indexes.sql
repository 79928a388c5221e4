-- The dashboard (关爱台账) counts a town's or a community's visits of the last 30 days, its assists by
-- kind and status with their yuan, and its people by tier. The scope predicate compares
-- left(region_code, 9) or left(region_code, 12): these indexes lead with the same expressions, so
-- each figure reads only the scope's rows (the assists one index-only), not the county's.
create index visits_scope_9_time on care.visits (county_code, left(region_code, 9), visited_at);
create index visits_scope_12_time on care.visits (county_code, left(region_code, 12), visited_at);
create index assists_scope_9 on care.assists (county_code, left(region_code, 9), kind, status) include (value_yuan);
create index assists_scope_12 on care.assists (county_code, left(region_code, 12), kind, status) include (value_yuan);
create index subjects_scope_9 on care.subjects (county_code, left(region_code, 9)) include (tier, next_due_at) where active;
create index subjects_scope_12 on care.subjects (county_code, left(region_code, 12)) include (tier, next_due_at) where active;
