/** The requests module's REST API ({@code /api/v1/matters}, {@code /api/v1/catalogue}) and pages ({@code /guide}, {@code /matters}). */
@org.jspecify.annotations.NullMarked
package cn.wushe.requests.web;
