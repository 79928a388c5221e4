/** The data comparison page and its API under {@code /api/v1/monitoring}. */
@org.jspecify.annotations.NullMarked
package cn.wushe.monitoring.web;
