/**
 * The append-only, hash-chained audit log (审计日志). Every module records security-relevant events
 * and every access to personal information through {@link cn.wushe.audit.AuditLog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit 审计", allowedDependencies = { "platform", "platform :: *" })
@org.jspecify.annotations.NullMarked
package cn.wushe.audit;
