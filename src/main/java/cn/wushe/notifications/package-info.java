/**
 * Notifications (通知): a module tells users about an object with {@link cn.wushe.notifications.Notifications#send}
 * inside its own transaction; each recipient finds the notice in their inbox (unread count live in the
 * shell) and, where their county configured a gateway, receives it through a signed webhook sent from
 * an outbox after commit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications 通知", allowedDependencies = { "platform", "platform :: *", "audit" })
@org.jspecify.annotations.NullMarked
package cn.wushe.notifications;
