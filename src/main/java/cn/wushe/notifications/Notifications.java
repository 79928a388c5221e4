package cn.wushe.notifications;

/**
 * Tells users about something (发送通知). Call it inside the business transaction that made the
 * news: it only writes rows (the recipients' inbox and the outbox of outbound channels), so a
 * transaction that rolls back leaves no notice, and nothing leaves the application until it
 * committed. Recipients who turned the kind off for a channel do not get it there; a mandatory kind
 * always reaches the inbox.
 */
public interface Notifications {

    /**
     * @return the notice's id (the same for every recipient)
     * @throws IllegalArgumentException for a kind no module declared (a programming error)
     */
    NoticeId send(Notice notice);
}
