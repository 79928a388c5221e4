package cn.wushe.volunteering.internal;

import cn.wushe.platform.Messages;
import java.util.Map;

/** The Chinese labels of the module's codes, each key written out so the wording test sees it read. */
public final class Labels {

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("status.OPEN", "volunteering.activity.status.OPEN"),
            Map.entry("status.CANCELLED", "volunteering.activity.status.CANCELLED"),
            Map.entry("status.CONFIRMED", "volunteering.activity.status.CONFIRMED"),
            Map.entry("enrolment.ENROLLED", "volunteering.activity.enrolment.ENROLLED"),
            Map.entry("enrolment.WAITLISTED", "volunteering.activity.enrolment.WAITLISTED"),
            Map.entry("outcome.CHECKED_IN", "volunteering.check-in.outcome.CHECKED_IN"),
            Map.entry("outcome.ALREADY_CHECKED_IN", "volunteering.check-in.outcome.ALREADY_CHECKED_IN"),
            Map.entry("outcome.CHECKED_OUT", "volunteering.check-in.outcome.CHECKED_OUT"),
            Map.entry("outcome.ALREADY_CHECKED_OUT", "volunteering.check-in.outcome.ALREADY_CHECKED_OUT"),
            Map.entry("kind.CONFIRMED", "volunteering.hours.kind.CONFIRMED"),
            Map.entry("kind.REVERSAL", "volunteering.hours.kind.REVERSAL"),
            Map.entry("line.COMMUNITY", "volunteering.service-line.COMMUNITY"),
            Map.entry("line.ELDERLY", "volunteering.service-line.ELDERLY"),
            Map.entry("line.CHILDREN", "volunteering.service-line.CHILDREN"),
            Map.entry("line.ENVIRONMENT", "volunteering.service-line.ENVIRONMENT"),
            Map.entry("line.CIVILIZATION", "volunteering.service-line.CIVILIZATION"),
            Map.entry("line.EMERGENCY", "volunteering.service-line.EMERGENCY"),
            Map.entry("line.OTHER", "volunteering.service-line.OTHER"),
            Map.entry("result.PERSUASION", "volunteering.outcome.PERSUASION"),
            Map.entry("result.MEALS", "volunteering.outcome.MEALS"),
            Map.entry("result.WASTE_TONNES", "volunteering.outcome.WASTE_TONNES"),
            Map.entry("result.TREES", "volunteering.outcome.TREES"),
            Map.entry("result.PEOPLE_SERVED", "volunteering.outcome.PEOPLE_SERVED"));

    /** 服务成效 catalogue: counts entered at confirmation, summed per community and year. */
    public static final java.util.List<String> OUTCOMES = java.util.List.of("PERSUASION", "MEALS", "WASTE_TONNES", "TREES",
            "PEOPLE_SERVED");

    private Labels() {
    }

    /** An instant as Beijing time in {@code pattern} (yyyy-MM-dd HH:mm …), for the pages. */
    public static String format(java.time.Instant instant, String pattern) {
        return java.time.format.DateTimeFormatter.ofPattern(pattern).withZone(Times.CHINA).format(instant);
    }

    /** @param family status, enrolment, outcome, kind, line or result */
    public static String of(String family, String code) {
        String key = KEYS.get(family + "." + code);
        return key == null ? code : Messages.text(key);
    }
}
