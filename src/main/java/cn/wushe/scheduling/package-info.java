/**
 * Deadlines and reminders (期限与提醒) that survive restarts, crashes and several nodes: a module
 * schedules one for its object in its own transaction, moves or cancels it, and reacts to
 * {@link cn.wushe.scheduling.DeadlineDue} when it fires. Backed by db-scheduler in PostgreSQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling 期限与任务", allowedDependencies = { "platform", "platform :: *", "audit" })
@org.jspecify.annotations.NullMarked
package cn.wushe.scheduling;
