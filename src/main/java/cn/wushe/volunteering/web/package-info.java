/** The volunteering module's REST API ({@code /api/v1/volunteers}, {@code /api/v1/activities}) and pages ({@code /volunteering}). */
@org.jspecify.annotations.NullMarked
package cn.wushe.volunteering.web;
