package cn.wushe.attachments.internal;

import cn.wushe.attachments.BlobStore;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes erased attachments' content from the blob store. Content is deduplicated, so an address
 * goes only when every attachment naming it is erased. Erasure commits first and the content goes
 * after, so a crash in between leaves content that nothing lists or serves: the daily sweep finds it.
 */
class ErasedContent {

    private static final Logger log = LoggerFactory.getLogger(ErasedContent.class);

    private final JdbcClient jdbc;
    private final BlobStore store;

    ErasedContent(JdbcClient jdbc, BlobStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    RecurringTask<Void> sweepTask() {
        return Tasks.recurring("attachments-erased-content-sweep", FixedDelay.of(Duration.ofDays(1)))
                .execute((instance, context) -> sweep());
    }

    /** Drops the addresses no attachment that is not erased still names; answers how many. */
    int drop(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return 0;
        }
        List<String> unshared = jdbc.sql("""
                select a from unnest(cast(:addresses as text[])) as a
                where not exists (select 1 from attachments.attachments x
                                  where (x.content_address = a or x.thumbnail_address = a) and x.erased_at is null)""")
                .param("addresses", addresses.stream().distinct().toArray(String[]::new)).query(String.class).list();
        try {
            for (String address : unshared) {
                store.deleteIfPresent(address);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return unshared.size();
    }

    /** Every erased attachment's content, in case a crash came between an erasure and its removal. */
    int sweep() {
        List<String> addresses = jdbc.sql("""
                select content_address from attachments.attachments where erased_at is not null
                union select thumbnail_address from attachments.attachments where erased_at is not null and thumbnail_address is not null""")
                .query(String.class).list();
        int dropped = drop(addresses);
        if (dropped > 0) {
            log.info("Erased attachments: content under {} addresses checked gone from the store", dropped);
        }
        return dropped;
    }
}
