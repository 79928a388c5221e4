package cn.wushe.notifications.web;

import cn.wushe.notifications.internal.Inbox;
import cn.wushe.platform.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * The top bar's unread count as the page is rendered ({@code ${@inboxBadge.text()}} in
 * {@code notifications/badge.html}), so the count shows before the stream connects and without script.
 */
@Component("inboxBadge")
class InboxBadge {

    private final Inbox inbox;

    InboxBadge(Inbox inbox) {
        this.inbox = inbox;
    }

    public String text() {
        return CurrentActor.find().map(actor -> InboxStreams.badge(inbox.unreadCount(actor.id()))).orElse("");
    }
}
