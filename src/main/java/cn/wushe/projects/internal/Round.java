package cn.wushe.projects.internal;

import cn.wushe.platform.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A funding round as stored: window, budget (what remains is taken by confirmations), criteria
 * whose points are their weights, purchase standards per field, eligibility and instalment shares.
 */
public record Round(UUID id, String countyCode, String regionCode, Kind kind, String title, String funder,
        BigDecimal budgetTotal, BigDecimal budgetRemaining, Instant opensAt, Instant closesAt, Instant scoringDeadline,
        int correctionDays, int expertsPerApplication, boolean blind, int minGrade, List<String> eligibleKinds,
        List<Criterion> criteria, List<Standard> standards, List<Integer> instalments, int projectMonths, Status status,
        long version) {

    public enum Kind {
        VENTURE, MICRO, PURCHASE;

        public String label() {
            return Messages.text("projects.round.kind." + name());
        }
    }

    public enum Status {
        OPEN, SCORING, DECIDED, CLOSED;

        public String label() {
            return Messages.text("projects.round.status." + name());
        }
    }

    /** A scoring criterion (评分标准): its name and the points it carries. */
    public record Criterion(String name, int max) {
    }

    /** A purchase standard (购买标准) of a field: the ceiling of one project. */
    public record Standard(String field, BigDecimal ceiling) {
    }

    public Optional<Standard> standardOf(String field) {
        return standards.stream().filter(s -> s.field().equals(field)).findFirst();
    }

    public boolean acceptsApplications(Instant now) {
        return status == Status.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
