/** Inbox and outbox stores, posting a notice, preferences, the webhook channel and its delivery task. */
@org.jspecify.annotations.NullMarked
package cn.wushe.notifications.internal;
