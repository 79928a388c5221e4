-- The first load of the tree (region.regions empty) writes 665,276 rows. Maintaining the secondary
-- indexes row by row costs several times the load itself (the trigram index alone about half of it),
-- while building them once over the loaded rows is a few hundred milliseconds for the B-trees. The
-- application role does not own the table, so these owner functions are the only way it may drop
-- and build exactly these three indexes; nothing else. They are narrow on purpose:
-- * begin_first_load refuses unless the table is empty (so it can never slow down a live tree), and
--   runs inside the importer's transaction: a failed load rolls the drop back with the rows;
-- * finish_first_load rebuilds the two B-trees in the same transaction, before the commit;
-- * build_name_search_index builds the trigram index after the commit, in its own transaction. Until
--   it is there, name search still answers, by a sequential scan. CREATE INDEX CONCURRENTLY cannot
--   run inside a function; a plain build takes a SHARE lock that blocks writes (only the importer
--   writes this table, and it has finished) but not reads. "if not exists" makes it a no-op on every
--   later start, and repairs a start that stopped between the commit and the build.
create function region.begin_first_load() returns void
    language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
begin
    if exists (select 1 from region.regions) then
        raise exception 'region.regions is not empty: only the first load may drop its indexes';
    end if;
    drop index if exists region.regions_name_trgm;
    drop index if exists region.regions_by_parent;
    drop index if exists region.regions_by_county;
end $$;

create function region.finish_first_load() returns void
    language plpgsql security definer set search_path = pg_catalog, pg_temp
    set maintenance_work_mem = '256MB' as $$
begin
    create index if not exists regions_by_parent on region.regions (parent_code);
    create index if not exists regions_by_county on region.regions (county_code, level) where county_code is not null;
end $$;

create function region.build_name_search_index() returns void
    language plpgsql security definer set search_path = pg_catalog, public, pg_temp
    set maintenance_work_mem = '256MB' as $$
begin
    -- the importer's lock: two instances starting together must not build it twice at once
    perform pg_advisory_xact_lock(hashtext('region.import'));
    create index if not exists regions_name_trgm on region.regions using gin (name gin_trgm_ops);
end $$;

revoke all on function region.begin_first_load(), region.finish_first_load(), region.build_name_search_index() from public;
grant execute on function region.begin_first_load(), region.finish_first_load(), region.build_name_search_index()
    to ${appRole};
