package cn.wushe.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * How the experts' totals of one application become its score (评审规则): from five experts up the
 * highest and the lowest are dropped and the rest averaged (去掉一个最高分和一个最低分), below five
 * all are averaged; a total further than {@link #OUTLIER_DISTANCE} points from the median is
 * flagged for the committee. Then the ranking and the cut-line at the budget (资金线).
 */
public final class ScoreAggregation {

    /** Points (of 100) from the median beyond which an expert's total is flagged. */
    public static final BigDecimal OUTLIER_DISTANCE = new BigDecimal("15");
    static final int TRIM_FROM = 5;

    private ScoreAggregation() {
    }

    /** @param outliers one flag per total, in the order given */
    public record Result(BigDecimal mean, List<Boolean> outliers) {
    }

    public static Result aggregate(List<BigDecimal> totals) {
        if (totals.isEmpty()) {
            throw new IllegalArgumentException("no totals");
        }
        List<BigDecimal> sorted = new ArrayList<>(totals);
        sorted.sort(Comparator.naturalOrder());
        List<BigDecimal> kept = sorted.size() >= TRIM_FROM ? sorted.subList(1, sorted.size() - 1) : sorted;
        BigDecimal sum = kept.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(kept.size()), 2, RoundingMode.HALF_UP);
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP);
        List<Boolean> outliers = totals.stream().map(t -> t.subtract(median).abs().compareTo(OUTLIER_DISTANCE) > 0).toList();
        return new Result(mean, outliers);
    }

    /** An application to rank: its mean score and what it asks for. */
    public record Candidate(UUID id, BigDecimal mean, BigDecimal requested) {
    }

    /** A ranked application and whether it lies above the cut-line. */
    public record Ranked(UUID id, int rank, BigDecimal mean, BigDecimal requested, boolean funded) {
    }

    /**
     * Ranks by mean score (ties by the smaller request, then id, so the order is stable) and funds
     * down the list while the budget lasts; the first application that no longer fits draws the
     * line, and nothing below it is funded (no skipping to a cheaper one further down).
     */
    public static List<Ranked> rank(List<Candidate> candidates, BigDecimal budget) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing(Candidate::mean).reversed().thenComparing(Candidate::requested)
                .thenComparing(Candidate::id));
        List<Ranked> ranked = new ArrayList<>();
        BigDecimal left = budget;
        boolean lineDrawn = false;
        for (int i = 0; i < ordered.size(); i++) {
            Candidate c = ordered.get(i);
            boolean funded = !lineDrawn && c.requested().compareTo(left) <= 0;
            if (funded) {
                left = left.subtract(c.requested());
            } else {
                lineDrawn = true;
            }
            ranked.add(new Ranked(c.id(), i + 1, c.mean(), c.requested(), funded));
        }
        return ranked;
    }
}
