/** The inbox page and API ({@code /notifications}, {@code /api/v1/notifications}), its live stream, preferences and the webhook settings. */
@org.jspecify.annotations.NullMarked
package cn.wushe.notifications.web;
