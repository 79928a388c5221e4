-- Row-level security as a second wall (issue 10 item 10, security.md check 9): besides the scope
-- predicate every query carries (ScopeFilter), PostgreSQL itself shows the application role only the
-- rows of the counties the connection's scope names. The application sets wushe.scope when it takes a
-- connection from the pool (platform.db.ScopeWall): the signed-in actor's counties (or the 2/4-digit
-- province/city prefixes of wider scopes), '*' for the system's own work (no actor), nothing otherwise.
-- A query that forgot its predicate then returns the actor's counties at most; a raw connection that
-- set no scope sees no row. The owner (migrations) is not subject to the policies.
--
-- PostgreSQL refuses COPY FROM into a table with row-level security; the registry's stores COPY new
-- rows, so they do it as wushe_loader (NOLOGIN, BYPASSRLS, granted to the application role for SET
-- ROLE only). Creating a BYPASSRLS role takes a superuser: the embedded server's provisioning does it;
-- an external database's administrator creates it before this migration (docs/security-db.md). Without
-- it the wall is not raised (a warning says so) rather than imports breaking.
create function registry.in_scope(p_county text) returns boolean
    language sql stable parallel safe
as $$
    select case current_setting('wushe.scope', true)
        when '*' then true
        else coalesce(p_county = any (string_to_array(current_setting('wushe.scope', true), ','))
            or left(p_county, 4) = any (string_to_array(current_setting('wushe.scope', true), ','))
            or left(p_county, 2) = any (string_to_array(current_setting('wushe.scope', true), ',')), false)
    end
$$;
grant execute on function registry.in_scope(text) to ${appRole};

do $$
declare
    t text;
begin
    if not exists (select from pg_roles where rolname = 'wushe_loader') then
        raise warning 'role wushe_loader is missing: registry tables get no row-level security (docs/security-db.md)';
        return;
    end if;
    grant usage on schema registry to wushe_loader;
    grant usage on sequence registry.person_changes_id_seq to wushe_loader;
    foreach t in array array['people', 'households', 'person_categories', 'related_parties', 'person_changes', 'correction_requests'] loop
        execute format('grant insert on registry.%I to wushe_loader', t);
        execute format('alter table registry.%I enable row level security', t);
        execute format('create policy scope_wall on registry.%I to ${appRole} using (registry.in_scope(county_code))'
            || ' with check (registry.in_scope(county_code))', t);
    end loop;
end
$$;
