-- the order deadlines fired in (fired_at comes from the clock and may tie), and the admin page's
-- "recently fired" list
alter table scheduling.fired_deadlines add column seq bigint generated always as identity;
create index fired_deadlines_fired_at on scheduling.fired_deadlines (fired_at desc);
