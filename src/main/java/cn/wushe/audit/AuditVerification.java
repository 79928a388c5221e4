package cn.wushe.audit;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Recomputes the hash chains of the audit log and reports, per chain, the first entry that does
 * not match (edited, deleted or inserted out of order). A chain is a county code (6 digits) or
 * {@code system} for entries not bound to a region.
 */
public interface AuditVerification {

    /** Verifies every chain, streaming: memory does not grow with the size of the log. */
    Report verify();

    /** Verifies one chain; an unknown chain gives an empty, intact report with 0 entries. */
    ChainReport verify(String chain);

    /** The result for all chains, in chain order. */
    record Report(List<ChainReport> chains) {

        public Report {
            chains = List.copyOf(chains);
        }

        public long entriesChecked() {
            return chains.stream().mapToLong(ChainReport::entries).sum();
        }

        public int chainsChecked() {
            return chains.size();
        }

        /** Per broken chain, the first entry that does not verify; empty when all are intact. */
        public List<Tampered> firstTampered() {
            return chains.stream().map(ChainReport::firstTampered).filter(Objects::nonNull).toList();
        }

        public boolean intact() {
            return chains.stream().allMatch(ChainReport::intact);
        }

        /**
         * One chain's result, so that a caller can judge its own chain while others may be broken.
         * A chain without entries gives an empty report (0 entries), not an error: removing every
         * entry of a chain is only detectable by comparing with a recorded head (see docs/audit.md).
         */
        public ChainReport forChain(String chain) {
            return chains.stream().filter(c -> c.chain().equals(chain)).findFirst()
                    .orElseGet(() -> ChainReport.empty(chain));
        }
    }

    /**
     * @param entries       rows read in this chain
     * @param headSeq       sequence number of its last row (0 when empty)
     * @param headHash      hash of its last row, to be noted down and compared next time: the only
     *                      way to notice that rows were cut off the end; {@code null} when empty
     * @param firstTampered {@code null} when the chain verifies
     */
    record ChainReport(String chain, long entries, long headSeq, @Nullable String headHash,
            @Nullable Tampered firstTampered) {

        public static ChainReport empty(String chain) {
            return new ChainReport(chain, 0, 0, null, null);
        }

        public boolean intact() {
            return firstTampered == null;
        }
    }

    /**
     * @param seq     the sequence number where the chain breaks (for a missing entry, the first
     *                missing number)
     * @param id      the row id, {@code null} when the break is a missing entry
     * @param problem Chinese description for people
     */
    record Tampered(String chain, long seq, @Nullable Long id, Kind kind, String problem) {
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
        CONTENT_CHANGED
    }
}
