package cn.wushe.care.internal;

import cn.wushe.platform.Messages;

/** What an assessment (风险评估) asks, each with its weight in {@link TierSuggestion}. */
public enum RiskFactor {
    LIVING_ALONE(2), SERIOUS_ILLNESS(2), DISABILITY(1), LOW_INCOME(1), NO_FAMILY_SUPPORT(2), UNSAFE_HOME(2);

    private final int weight;

    RiskFactor(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    public String label() {
        return Messages.text("care.factor." + name());
    }
}
