package cn.wushe.region.imports;

import java.time.Duration;

/**
 * What one import run did.
 *
 * @param skipped  the files were the same as at the last successful import: nothing was read into
 *                 the database
 * @param nodes    rows per level in the files: provinces, cities, counties, towns, communities
 * @param inserted codes that were new
 * @param updated  codes whose name (or full name) changed
 * @param took     the run up to the commit, including hashing the files: from then on the tree is
 *                 usable and searchable by code and by name
 * @param staging  COPY of the files into the staging tables and their checks
 * @param merge    writing {@code region.regions}, with its B-tree indexes
 * @param searchIndex after the commit, building the trigram index on names when it was missing (after
 *                 a first load); until it is ready, name search scans the table
 */
public record ImportResult(boolean skipped, String filesHash, Counts nodes, int inserted, int updated, Duration took,
        Duration staging, Duration merge, Duration searchIndex) {

    public record Counts(int provinces, int cities, int counties, int towns, int communities) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public int total() {
            return provinces + cities + counties + towns + communities;
        }
    }

    ImportResult withSearchIndex(Duration built) {
        return new ImportResult(skipped, filesHash, nodes, inserted, updated, took, staging, merge, built);
    }

    static ImportResult skipped(String filesHash, Duration took) {
        return new ImportResult(true, filesHash, Counts.NONE, 0, 0, took, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
