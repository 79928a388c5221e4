package cn.wushe.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Recomputes every hash chain of the audit log and reports the first entry that does not match
 * (edited, deleted or inserted out of order), per chain.
 */
public interface AuditVerification {

    Report verify();

    /** @param firstTampered per broken chain, the first entry whose hash does not verify */
    record Report(long entriesChecked, int chainsChecked, List<Tampered> firstTampered) {

        public boolean intact() {
            return firstTampered.isEmpty();
        }
    }

    /** @param id the row id, {@code null} when the break is a missing entry */
    record Tampered(String chain, long seq, @Nullable Long id, String problem) {
    }
}
