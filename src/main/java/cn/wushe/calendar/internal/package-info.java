/** The calendar module's implementation: calendar years and their rules, office hours, the arithmetic, the seed. */
@org.jspecify.annotations.NullMarked
package cn.wushe.calendar.internal;
