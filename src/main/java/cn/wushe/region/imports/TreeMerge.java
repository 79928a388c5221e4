package cn.wushe.region.imports;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves the checked staging rows into {@code region.regions} in one statement, composing each
 * full name (陕西省/渭南市/白水县/…) on the way. Into an empty table it inserts plainly, with the
 * secondary indexes built once afterwards instead of row by row (the trigram index only after the
 * commit, by {@link #buildNameSearchIndex()}); otherwise it
 * inserts new codes and rewrites a row only when its name or full name really changed, so an
 * unchanged edition writes nothing. The caller holds the import lock: no one else writes the tree.
 */
final class TreeMerge {

    /** The staged tree: every node with its level, parent and full name. */
    private static final String TREE = """
            with p as (
              select code, btrim(name) as name, btrim(name) as full_name from stage_provinces
            )"""
            + below("c", "stage_cities", "provinceCode", "p")
            + below("a", "stage_areas", "cityCode", "c")
            + below("t", "stage_streets", "areaCode", "a")
            + below("v", "stage_villages", "streetCode", "t")
            + """
            , tree as (
              select code, 2 as level, null::text as parent, name, full_name from p
              union all select code, 4, parent, name, full_name from c
              union all select code, 6, parent, name, full_name from a
              union all select code, 9, parent, name, full_name from t
              union all select code, 12, parent, name, full_name from v
            )
            """;

    private static final String COLUMNS = "insert into region.regions (code, level, parent_code, name, full_name, county_code) ";

    private static final String ROWS = "select code, level, parent, name, full_name, case when level >= 6 then left(code, 6) end from tree ";

    /** One level's nodes: each staged row under its parent in {@code parent}, named by that parent's full name. */
    private static String below(String level, String stage, String parentColumn, String parent) {
        return """
                , %1$s as (
                  select s.code, btrim(s.name) as name, s."%3$s" as parent, %4$s.full_name || '/' || btrim(s.name) as full_name
                  from %2$s s join %4$s on %4$s.code = s."%3$s"
                )""".formatted(level, stage, parentColumn, parent);
    }

    private final JdbcClient jdbc;

    TreeMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Changes(int inserted, int updated) {
    }

    /**
     * Not an upsert with ON CONFLICT: that locks, and so rewrites, every existing row even when
     * nothing changed; a join that picks the changed rows writes nothing for an unchanged edition.
     */
    boolean treeIsEmpty() {
        return jdbc.sql("select not exists (select 1 from region.regions)").query(Boolean.class).single();
    }

    /**
     * Builds the trigram index on names if it is missing (after a first load, or a start that stopped
     * right after one); a look-up of a millisecond otherwise. Runs outside the import's transaction.
     *
     * @return whether it had to build it
     */
    boolean buildNameSearchIndex() {
        boolean missing = jdbc.sql("select to_regclass('region.regions_name_trgm') is null").query(Boolean.class).single();
        if (missing) {
            jdbc.sql("select region.build_name_search_index()").query().singleRow();
        }
        return missing;
    }

    Changes apply(boolean firstLoad) {
        if (firstLoad) {
            // the secondary indexes are built once over the loaded rows, not maintained row by row
            // (V3_3): the B-trees before the commit, the trigram index after it (buildNameSearchIndex)
            jdbc.sql("select region.begin_first_load()").query().singleRow();
            // in code order the primary key grows at its right edge, a fifth faster than in file order
            int inserted = jdbc.sql(TREE + COLUMNS + ROWS + "order by code").update();
            jdbc.sql("select region.finish_first_load()").query().singleRow();
            return new Changes(inserted, 0);
        }
        int updated = jdbc.sql(TREE + """
                update region.regions r set name = tree.name, full_name = tree.full_name
                from tree
                where r.code = tree.code and (r.name, r.full_name) is distinct from (tree.name, tree.full_name)
                """).update();
        int inserted = jdbc.sql(TREE + COLUMNS + ROWS
                + "where not exists (select 1 from region.regions r where r.code = tree.code) order by code").update();
        return new Changes(inserted, updated);
    }
}
