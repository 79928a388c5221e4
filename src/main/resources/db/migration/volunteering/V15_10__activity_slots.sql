-- Slots (名额) as rows: a volunteer claims a free one with FOR UPDATE SKIP LOCKED, so a check-in storm
-- into one activity no longer queues on the activity's row lock (docs/benchmarks.md, check-in storm).
create table volunteering.activity_slots (
    county_code  text collate "C" not null,
    activity_id  uuid not null,
    slot_no      int  not null check (slot_no >= 1),
    volunteer_id uuid,
    primary key (county_code, activity_id, slot_no)
);
-- a volunteer holds at most one slot of an activity
create unique index activity_slots_holder on volunteering.activity_slots (county_code, activity_id, volunteer_id)
    where volunteer_id is not null;
-- the free slots only, so a claim does not walk past the taken ones
create index activity_slots_free on volunteering.activity_slots (county_code, activity_id, slot_no)
    where volunteer_id is null;
grant select, insert, update on volunteering.activity_slots to ${appRole};

-- the open activities of before: their slots, the enrolled holding them in the order they enrolled
insert into volunteering.activity_slots (county_code, activity_id, slot_no, volunteer_id)
select a.county_code, a.id, g.n, e.volunteer_id
from volunteering.activities a
cross join lateral generate_series(1, a.slots) as g(n)
left join (select county_code, activity_id, volunteer_id,
                  row_number() over (partition by county_code, activity_id order by enrolled_at, volunteer_id) as n
           from volunteering.enrolments where status = 'ENROLLED') e
  on e.county_code = a.county_code and e.activity_id = a.id and e.n = g.n
where a.status = 'OPEN';
