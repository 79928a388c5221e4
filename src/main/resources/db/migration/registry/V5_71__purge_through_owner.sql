-- The retention purge deletes a closed person without the application role holding DELETE on
-- registry.people (V5_61 took it away, security.md item 10): the one delete a feature needs runs in
-- this function, owned by the migration owner, which re-checks the county's retention itself so
-- the application cannot use it to delete anyone else.
create function registry.purge_closed_person(p_id uuid, p_today date) returns boolean
    language plpgsql security definer set search_path = pg_catalog, registry as $$
declare
    v_household uuid;
begin
    select p.household_id into v_household from registry.people p
    join registry.retention_policies r on r.county_code = p.county_code
    where p.id = p_id and p.status = 'CLOSED' and p.status_on < p_today - r.retention_days
    for update of p;
    if not found then
        return false;
    end if;
    update registry.households set head_person_id = null where head_person_id = p_id;
    delete from registry.people where id = p_id;
    delete from registry.households h where h.id = v_household
        and not exists (select 1 from registry.people p where p.household_id = h.id);
    return true;
end $$;
revoke all on function registry.purge_closed_person(uuid, date) from public;
grant execute on function registry.purge_closed_person(uuid, date) to ${appRole};
