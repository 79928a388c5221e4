-- A community (village) has one active committee (居委会/村委会): matters, volunteering and care look
-- "the committee" of a community up by region and kind. Where several were registered the oldest stays
-- and the later ones are retired (kept for history, as retiring by hand would), then an index keeps it so.
update units.units u
set active = false, retired_at = now(), updated_at = now(), version = u.version + 1
where u.kind = 'COMMUNITY_COMMITTEE' and u.active
  and exists (select 1 from units.units o
              where o.kind = 'COMMUNITY_COMMITTEE' and o.active and o.region_code = u.region_code
                and (o.created_at, o.id) < (u.created_at, u.id));
create unique index units_one_committee on units.units (region_code) where active and kind = 'COMMUNITY_COMMITTEE';
