package cn.wushe.care.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An alert (预警): raised, visited (走访), closed with a disposition (处置) and reason. */
public record Alert(UUID id, @Nullable UUID personId, @Nullable String subjectText, String countyCode, String regionCode,
        Source source, Severity severity, String summary, AlertLevel level, List<UUID> owners, Instant dueAt,
        Status status, @Nullable Disposition disposition, @Nullable String closeReason, @Nullable Instant closedAt,
        Instant createdAt, long version) {

    public Alert {
        owners = List.copyOf(owners);
    }

    public enum Source {
        LEGWORK, DATA, POLICY, MISSED_VISIT, HOUSEHOLD_CHANGE;

        public String label() {
            return cn.wushe.platform.Messages.text("care.alert-source." + name());
        }
    }

    public enum Severity {
        HIGH, MEDIUM, LOW;

        public String label() {
            return cn.wushe.platform.Messages.text("care.severity." + name());
        }
    }

    public enum Status {
        OPEN, VISITED, CLOSED;

        public String label() {
            return cn.wushe.platform.Messages.text("care.alert-status." + name());
        }
    }

    /** How an alert ends; the last three close a 政策找人 alert ("may be eligible"). */
    public enum Disposition {
        RESOLVED, ASSISTANCE, CASE_OPENED, REFERRED, FALSE_ALARM, APPLIED, NOT_ELIGIBLE, DECLINED;

        public String label() {
            return cn.wushe.platform.Messages.text("care.disposition." + name());
        }
    }

    public boolean overdue(Instant now) {
        return status != Status.CLOSED && dueAt.isBefore(now);
    }
}
