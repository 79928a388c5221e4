package cn.wushe.monitoring.internal;

import java.math.BigDecimal;

/**
 * The county's comparison rules (比对规则): a hospital stay longer than {@code maxStayDays} for a
 * red or yellow person, a monthly income above the 低保 line for someone holding 低保. Defaults
 * until counties set their own (7 days; 800 yuan, 白水县's urban line of 2026).
 */
public record ComparisonRules(int maxStayDays, BigDecimal dibaoLineYuan) {

    public static ComparisonRules defaults() {
        return new ComparisonRules(7, new BigDecimal("800"));
    }
}
