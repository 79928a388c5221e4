package cn.wushe.monitoring.internal;

import java.math.BigDecimal;

/**
 * The county's comparison rules (比对规则): a hospital stay longer than {@code maxStayDays} for a
 * red or yellow person, a monthly income above the 低保 line for someone holding 低保, and how long
 * 政策找人 keeps quiet about a person a rule found before. Defaults until the county sets its own
 * (7 days; 800 yuan, 白水县's urban line of 2026; 180 days); {@code version} 0 means not set.
 */
public record ComparisonRules(String countyCode, int maxStayDays, BigDecimal dibaoLineYuan, int policyQuietDays, long version) {

    public static ComparisonRules defaults(String countyCode) {
        return new ComparisonRules(countyCode, 7, new BigDecimal("800"), 180, 0);
    }
}
