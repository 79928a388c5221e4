-- Totals per volunteer (star levels, a volunteer's hours) sum minutes in volunteer order. Without the
-- minutes in the index, the recompute walked the index and fetched every ledger row from the heap in
-- index order: 18 s for 5,000,000 rows against 1.3 s for a plain hashed sum. With them it is an
-- index-only scan over the append-only ledger (autovacuum keeps its pages all-visible): 2.2 s.
drop index volunteering.hours_by_volunteer;
create index hours_by_volunteer on volunteering.hours_ledger (county_code, volunteer_id, period_start) include (minutes);
