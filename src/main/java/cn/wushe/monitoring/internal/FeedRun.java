package cn.wushe.monitoring.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One run of a department file and its summary (比对结果). */
public record FeedRun(UUID id, String countyCode, FeedKind kind, String sha256, String fileName, int rows, int matched,
        int notRegistered, int alerts, int rejected, UUID runBy, Instant runAt, List<Reject> rejects) {

    public FeedRun {
        rejects = List.copyOf(rejects);
    }

    /** A row left out, and why (in Chinese). */
    public record Reject(int line, String reason) {
    }
}
