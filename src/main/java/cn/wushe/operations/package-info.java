/**
 * Operations (运维): nightly physical backups of the embedded database while the application serves,
 * their progress and history for the system admin, alerts when one fails, and the audit entry of a
 * database restart after a crash. The mechanics (backup API, WAL archive, restore, crash handling)
 * are in {@code platform.db}; this module schedules, records and shows them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations 运维",
        allowedDependencies = { "platform", "platform :: *", "audit", "notifications", "identity" })
@org.jspecify.annotations.NullMarked
package cn.wushe.operations;
