package cn.wushe.notifications.internal;

import java.util.Collection;
import java.util.UUID;

/** Hears, after commit, whose inbox changed, to push their unread count to their open pages. */
public interface InboxWatcher {

    void inboxChanged(Collection<UUID> userIds);
}
