/**
 * The working calendar (工作日历): holidays and make-up working days (调休) per year, kept in the
 * database, and each county's office hours (办公时间); other modules count deadlines through
 * {@link cn.wushe.calendar.WorkingCalendar}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar 工作日历", allowedDependencies = { "platform", "platform :: *", "audit" })
@org.jspecify.annotations.NullMarked
package cn.wushe.calendar;
