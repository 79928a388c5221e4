package cn.wushe.registry.imports;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One roster import as its owner sees it (导入任务): the file, where it stands, and the counts.
 * Its status moves only VALIDATING → READY → COMMITTING → DONE, READY → DISCARDED, or to FAILED;
 * {@link ImportJobs} guards every move in SQL.
 *
 * @param sheetRows the row count the upload inspection found, for progress (an estimate)
 * @param progress  rows checked so far
 */
record ImportJob(UUID id, UUID ownerId, String countyCode, String fileName, String fileSha256, ImportStatus status,
        Counts counts, long sheetRows, int progress, @Nullable String error, Instant createdAt,
        @Nullable Instant finishedAt) {

    /** How many rows came to what; {@code total = valid + rejected}, {@code valid = created + updated + unchanged}. */
    record Counts(int total, int valid, int rejected, int created, int updated, int unchanged) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(RowOutcome outcome) {
            return switch (outcome) {
                case NEW -> new Counts(total + 1, valid + 1, rejected, created + 1, updated, unchanged);
                case UPDATE -> new Counts(total + 1, valid + 1, rejected, created, updated + 1, unchanged);
                case UNCHANGED -> new Counts(total + 1, valid + 1, rejected, created, updated, unchanged + 1);
                case REJECTED -> new Counts(total + 1, valid, rejected + 1, created, updated, unchanged);
            };
        }

        String summary() {
            return "total=" + total + ",valid=" + valid + ",rejected=" + rejected + ",new=" + created
                    + ",updated=" + updated + ",unchanged=" + unchanged;
        }
    }

    /** Shown in China Standard Time, whatever the server's zone. */
    public java.time.LocalDateTime createdLocal() {
        return java.time.LocalDateTime.ofInstant(createdAt, java.time.ZoneId.of("Asia/Shanghai"));
    }

    /** 0–100 while checking; the sheet's row count is an estimate, so it stops at 99 until done. */
    public int percent() {
        if (status != ImportStatus.VALIDATING) {
            return 100;
        }
        long expected = Math.max(1, sheetRows - 1);
        return (int) Math.min(99, progress * 100L / expected);
    }
}
