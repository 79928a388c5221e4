package cn.wushe.care.internal;

import cn.wushe.scheduling.DeadlineRef;
import java.util.UUID;

/** The deadlines care keeps: a person's next visit, an alert's time at its level. */
public final class CareDeadlines {

    public static final String VISIT_DUE = "care.visit-due";
    public static final String ALERT_DUE = "care.alert-due";
    public static final String CRISIS_CONTACT = "care.crisis-contact";

    private CareDeadlines() {
    }

    public static DeadlineRef visitDue(UUID person) {
        return new DeadlineRef(VISIT_DUE, "person", person.toString());
    }

    public static DeadlineRef crisisContact(UUID crisisCase) {
        return new DeadlineRef(CRISIS_CONTACT, "case", crisisCase.toString());
    }

    public static DeadlineRef alertDue(UUID alert) {
        return new DeadlineRef(ALERT_DUE, "alert", alert.toString());
    }
}
