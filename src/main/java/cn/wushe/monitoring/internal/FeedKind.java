package cn.wushe.monitoring.internal;

import cn.wushe.platform.Messages;

/** The department files the comparison reads; each row is {@code identity number,value}. */
public enum FeedKind {
    /** 卫健: days in hospital */
    HOSPITAL_STAY,
    /** 人社/税务: monthly income in yuan */
    INCOME,
    /** 卫健/公安: date of death */
    DEATH,
    /** 公安: household change (迁入迁出), the date */
    HOUSEHOLD_CHANGE,
    /** 残联: disability grade 1–4 */
    DISABILITY_GRADE;

    public String label() {
        return Messages.text("monitoring.kind." + name());
    }
}
