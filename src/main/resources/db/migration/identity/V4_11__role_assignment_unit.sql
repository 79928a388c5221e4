-- An organization role's assignment names the unit (单位) it is held for (design §3); the column
-- that held a free organization id until units existed becomes that unit's id.
alter table identity.role_assignments rename column org_id to unit_id;
