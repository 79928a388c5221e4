/** The region module's REST API ({@code /api/v1/regions}, {@code /api/v1/grids}) and pages ({@code /regions}, {@code /grids}). */
@org.jspecify.annotations.NullMarked
package cn.wushe.region.web;
