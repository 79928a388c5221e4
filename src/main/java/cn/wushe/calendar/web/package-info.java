/** The calendar module's REST API ({@code /api/v1/calendar}), admin pages ({@code /admin/calendar}), navigation and workbench notice. */
@org.jspecify.annotations.NullMarked
package cn.wushe.calendar.web;
