package cn.wushe.notifications.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the {@link InboxWatcher}s once the transaction committed, never before: an open page must
 * not count a notice whose transaction then rolls back. Not a Modulith event on purpose: a live
 * count is a hint for pages open now, with nothing to replay after a crash.
 */
@Component
class InboxChanges {

    private final ObjectProvider<InboxWatcher> watchers;

    InboxChanges(ObjectProvider<InboxWatcher> watchers) {
        this.watchers = watchers;
    }

    void afterCommit(Collection<UUID> userIds) {
        List<UUID> ids = List.copyOf(userIds);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tell(ids);
                }
            });
        } else {
            tell(ids);
        }
    }

    private void tell(List<UUID> ids) {
        watchers.orderedStream().forEach(w -> w.inboxChanged(ids));
    }
}
