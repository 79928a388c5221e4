package cn.wushe.care.internal;

import java.time.Duration;

/**
 * A county's care settings (关爱设置): the visit cycle per tier in days, the working days an alert
 * may stay open at one level, and the hours to a crisis's first contact. Defaults: red weekly,
 * yellow fortnightly, blue monthly, green quarterly; 3 working days; 24 hours.
 */
public record CareSettings(String countyCode, int redDays, int yellowDays, int blueDays, int greenDays,
        int alertWorkingDays, int crisisHours, long version) {

    public static CareSettings defaults(String countyCode) {
        return new CareSettings(countyCode, 7, 14, 30, 90, 3, 24, 0);
    }

    public Duration cycle(Tier tier) {
        return Duration.ofDays(switch (tier) {
            case RED -> redDays;
            case YELLOW -> yellowDays;
            case BLUE -> blueDays;
            case GREEN -> greenDays;
        });
    }
}
