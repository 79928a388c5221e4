package cn.wushe.calendar.internal;

/** What a listed day of a calendar year is; any day not listed is a working day from Monday to Friday. */
public enum DayKind {
    /** 放假: no work, whatever the weekday. */
    HOLIDAY,
    /** 调休上班: a Saturday or Sunday that is worked. */
    MAKE_UP_WORKDAY
}
