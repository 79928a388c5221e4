package cn.wushe.audit.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Recomputes the hash chains of the audit log and reports, per lane, the first entry that does
 * not match (edited, deleted or inserted out of order). A chain is a county code (6 digits) or
 * {@code system} for entries not bound to a region; it is split into lanes (0, 1, …), each its own
 * gap-free hash chain, named {@code <chain>-<lane>} for people (e.g. {@code 610527-3}).
 */
public interface AuditVerification {

    /** Verifies every lane of every chain, streaming: memory does not grow with the size of the log. */
    Report verify();

    /** Verifies every lane of one chain; an unknown chain gives an empty, intact report with 0 entries. */
    Report verify(String chain);

    /** The result for all lanes, in chain and lane order. */
    record Report(List<ChainReport> chains) {

        public Report {
            chains = List.copyOf(chains);
        }

        public long entriesChecked() {
            return chains.stream().mapToLong(ChainReport::entries).sum();
        }

        /** How many lanes were checked (each lane is one hash chain). */
        public int chainsChecked() {
            return chains.size();
        }

        /** Per broken lane, the first entry that does not verify; empty when all are intact. */
        public List<Tampered> firstTampered() {
            return chains.stream().map(ChainReport::firstTampered).filter(Objects::nonNull).toList();
        }

        public boolean intact() {
            return chains.stream().allMatch(ChainReport::intact);
        }

        /**
         * The lanes of one chain, so that a caller can judge its own chain while others may be broken.
         * A chain without entries gives an empty report (0 entries), not an error: removing every
         * entry of a chain is only detectable by comparing with recorded heads (see docs/audit.md).
         */
        public Report forChain(String chain) {
            return new Report(chains.stream().filter(c -> c.chain().equals(chain)).toList());
        }

        /** One lane's result; an empty report (0 entries) when the lane has none. */
        public ChainReport forLane(String chain, int lane) {
            return chains.stream().filter(c -> c.chain().equals(chain) && c.lane() == lane).findFirst()
                    .orElseGet(() -> ChainReport.empty(chain, lane));
        }
    }

    /**
     * One lane of a chain.
     *
     * @param chain         county code or {@code system}
     * @param lane          the lane, from 0
     * @param entries       rows read in this lane
     * @param headSeq       sequence number of its last row (0 when empty)
     * @param headHash      hash of its last row, to be noted down and compared next time: the only
     *                      way to notice that rows were cut off the end; {@code null} when empty
     * @param firstTampered {@code null} when the chain verifies
     */
    record ChainReport(String chain, int lane, long entries, long headSeq, @Nullable String headHash,
            @Nullable Tampered firstTampered) {

        public static ChainReport empty(String chain, int lane) {
            return new ChainReport(chain, lane, 0, 0, null, null);
        }

        /** {@code <chain>-<lane>}, e.g. {@code 610527-3}. */
        public String name() {
            return laneName(chain, lane);
        }

        public boolean intact() {
            return firstTampered == null;
        }
    }

    /**
     * @param seq     the sequence number in its lane where the lane breaks (for a missing entry, the
     *                first missing number)
     * @param id      the row id, {@code null} when the break is a missing entry
     * @param problem Chinese description for people
     */
    record Tampered(String chain, int lane, long seq, @Nullable Long id, Kind kind, String problem) {

        /** {@code <chain>-<lane>}, e.g. {@code 610527-3}. */
        public String name() {
            return laneName(chain, lane);
        }
    }

    /** How people name one lane of a chain. */
    private static String laneName(String chain, int lane) {
        return chain + "-" + lane;
    }

    /** How a chain breaks. */
    enum Kind {
        /** A sequence number is missing: an entry was deleted. */
        MISSING_ENTRY,
        /** A sequence number appears out of order: an entry was inserted. */
        UNEXPECTED_ENTRY,
        /** The entry does not point to its predecessor's hash: the predecessor was changed or replaced. */
        BROKEN_LINK,
        /** The entry's content does not match its own hash: this entry was changed. */
        CONTENT_CHANGED,
        /** A plain SM3 link after the lane's switch to keyed links: re-chained by someone without the key. */
        UNKEYED_LINK,
        /** The entry verifies but its hash is not the one shipped outside the database for it. */
        HEAD_MISMATCH
    }
}
