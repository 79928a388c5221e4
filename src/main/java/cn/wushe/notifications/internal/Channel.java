package cn.wushe.notifications.internal;

/** Where a notice can reach a user. The inbox is inside the application; the others go out through the outbox. */
public enum Channel {
    INBOX,
    WEBHOOK
}
