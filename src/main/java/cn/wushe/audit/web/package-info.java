/** The audit admin's page and API: search the audit log, verify its integrity. */
@org.jspecify.annotations.NullMarked
package cn.wushe.audit.web;
