package cn.wushe.care.internal;

import java.util.Collection;
import java.util.EnumSet;

/**
 * The tier an assessment suggests: the factors' weights added up (living alone, serious illness,
 * no family support and an unsafe home weigh 2; disability and low income 1). 6 or more is red,
 * 4–5 yellow, 2–3 blue, less green. Living alone with an unsafe home is red whatever else, because
 * nobody would notice a fall or a fire. A worker may choose another tier with a reason.
 */
public final class TierSuggestion {

    private TierSuggestion() {
    }

    public static Tier suggest(Collection<RiskFactor> factors) {
        EnumSet<RiskFactor> set = factors.isEmpty() ? EnumSet.noneOf(RiskFactor.class) : EnumSet.copyOf(factors);
        if (set.contains(RiskFactor.LIVING_ALONE) && set.contains(RiskFactor.UNSAFE_HOME)) {
            return Tier.RED;
        }
        int score = set.stream().mapToInt(RiskFactor::weight).sum();
        if (score >= 6) {
            return Tier.RED;
        }
        if (score >= 4) {
            return Tier.YELLOW;
        }
        return score >= 2 ? Tier.BLUE : Tier.GREEN;
    }
}
