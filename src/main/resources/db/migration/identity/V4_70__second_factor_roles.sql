-- A county's second-factor policy names the roles that must use it (besides the three administrators,
-- who always must); second_factor_required still means every account of the county.
alter table identity.county_policies add column second_factor_roles text[] not null default '{}';
