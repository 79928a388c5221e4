/** The units module's REST API ({@code /api/v1/units}) and pages ({@code /units}). */
@org.jspecify.annotations.NullMarked
package cn.wushe.units.web;
