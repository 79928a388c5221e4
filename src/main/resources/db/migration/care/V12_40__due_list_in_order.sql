-- A community's or town's due list (逾期/本周) pages through its people in due order. Without an index
-- in that order the planner read every matching person's row and sorted them: at 100,000 people
-- under care a community's overdue page took 2.5× the registry's list page. With one, it walks the
-- view's people in order and stops after the page.
create index subjects_due_12 on care.subjects (county_code, left(region_code, 12), next_due_at, region_code, person_id) where active;
create index subjects_due_9 on care.subjects (county_code, left(region_code, 9), next_due_at, region_code, person_id) where active;
