package cn.wushe.notifications.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own inbox (收件箱): newest first, unread count, marking read. Every query is keyed by the
 * actor's own id, so someone else's notice is simply not found. Reads are not audited: an entry
 * holds a title and a link, never the object's personal data.
 */
@Service
public class Inbox {

    public static final int MAX_PAGE_SIZE = 100;

    /** One entry as its recipient sees it. */
    public record Entry(UUID id, String kind, String kindLabel, String title, String text, String link,
            Instant createdAt, @Nullable Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    private static final String SELECT = """
            select n.id, n.kind, n.title, n.body, n.link, i.created_at, i.read_at
            from notifications.inbox i join notifications.notices n on n.id = i.notice_id
            where i.user_id = :user
            """;

    private final JdbcClient jdbc;
    private final NoticeKinds kinds;
    private final InboxChanges changes;
    private final Clock clock;

    Inbox(JdbcClient jdbc, NoticeKinds kinds, InboxChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.kinds = kinds;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Entry> page(Actor actor, int page, int size) {
        if (page < 0) {
            throw DomainException.invalid("page", Messages.text("notifications.inbox.page-invalid"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("platform.page.size-range", MAX_PAGE_SIZE));
        }
        List<Entry> entries = jdbc.sql(SELECT + """
                order by i.created_at desc, i.notice_id desc
                limit :limit offset :offset""")
                .param("user", actor.id()).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> read(rs))
                .list();
        long total = jdbc.sql("select count(*) from notifications.inbox where user_id = :user")
                .param("user", actor.id()).query(Long.class).single();
        return Page.counted(entries, total, page, size);
    }

    @Transactional(readOnly = true)
    public long unreadCount(UUID userId) {
        return jdbc.sql("select count(*) from notifications.inbox where user_id = :user and read_at is null")
                .param("user", userId).query(Long.class).single();
    }

    /** The actor's own entry; another user's notice is not found (404). */
    @Transactional(readOnly = true)
    public Entry entry(Actor actor, UUID noticeId) {
        return jdbc.sql(SELECT + "and i.notice_id = :notice")
                .param("user", actor.id()).param("notice", noticeId)
                .query((rs, n) -> read(rs))
                .optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("notifications.inbox.not-found")));
    }

    private Entry read(ResultSet rs) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        return new Entry(rs.getObject("id", UUID.class), rs.getString("kind"), kinds.label(rs.getString("kind")),
                rs.getString("title"), rs.getString("body"), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), readAt == null ? null : readAt.toInstant());
    }

    /** Idempotent: an entry read before keeps its first read time. */
    @Transactional
    public Entry markRead(Actor actor, UUID noticeId) {
        int changed = jdbc.sql("""
                update notifications.inbox set read_at = :now
                where user_id = :user and notice_id = :notice and read_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("user", actor.id()).param("notice", noticeId)
                .update();
        Entry entry = entry(actor, noticeId);
        if (changed > 0) {
            changes.afterCommit(List.of(actor.id()));
        }
        return entry;
    }

    /** @return how many entries were unread */
    @Transactional
    public int markAllRead(Actor actor) {
        int changed = jdbc.sql("update notifications.inbox set read_at = :now where user_id = :user and read_at is null")
                .param("now", Timestamp.from(clock.instant())).param("user", actor.id())
                .update();
        if (changed > 0) {
            changes.afterCommit(List.of(actor.id()));
        }
        return changed;
    }
}
