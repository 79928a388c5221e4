package cn.wushe.notifications.internal;

import cn.wushe.notifications.Notice;
import cn.wushe.notifications.NoticeId;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Notifications} by three statements in the caller's transaction, whatever the number of
 * recipients: the notice, then the inbox rows and the outbox rows, each one {@code INSERT … SELECT}
 * over the recipients' ids passed as one array, the opt-outs applied in the same statement (a
 * fan-out to 10,000 users is three round trips; see docs/benchmarks.md).
 */
@Service
class Posting implements Notifications {

    private final JdbcClient jdbc;
    private final NoticeKinds kinds;
    private final InboxChanges changes;
    private final Clock clock;
    private final String homeCounty;

    Posting(JdbcClient jdbc, NoticeKinds kinds, InboxChanges changes, Clock clock,
            @Value("${wushe.home-county:610527}") String homeCounty) {
        this.jdbc = jdbc;
        this.kinds = kinds;
        this.changes = changes;
        this.clock = clock;
        this.homeCounty = homeCounty;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public NoticeId send(Notice notice) {
        kinds.requireDeclared(notice.kind());
        Set<UUID> recipients = resolve(notice.recipients());
        NoticeId id = new NoticeId(UUID.randomUUID());
        Instant now = clock.instant();
        String county = notice.regionCode() == null ? homeCounty : notice.regionCode().substring(0, 6);
        String[] ids = recipients.stream().map(UUID::toString).toArray(String[]::new);
        jdbc.sql("""
                insert into notifications.notices (id, kind, title, body, link, region_code, county_code, created_at)
                values (:id, :kind, :title, :body, :link, :region, :county, :now)""")
                .param("id", id.value()).param("kind", notice.kind().code()).param("title", notice.title())
                .param("body", notice.text()).param("link", notice.link()).param("region", notice.regionCode())
                .param("county", county).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into notifications.inbox (user_id, notice_id, created_at)
                select r, :notice, :now from unnest(cast(:ids as uuid[])) r
                where :mandatory or not exists (select 1 from notifications.opt_outs o
                                                where o.user_id = r and o.kind = :kind and o.channel = 'INBOX')""")
                .param("notice", id.value()).param("now", Timestamp.from(now)).param("ids", ids)
                .param("mandatory", notice.kind().mandatory()).param("kind", notice.kind().code())
                .update();
        jdbc.sql("""
                insert into notifications.deliveries (id, notice_id, user_id, channel, county_code, next_attempt_at, created_at)
                select gen_random_uuid(), :notice, r, 'WEBHOOK', :county, :now, :now from unnest(cast(:ids as uuid[])) r
                where exists (select 1 from notifications.webhooks w where w.county_code = :county and w.enabled)
                  and not exists (select 1 from notifications.opt_outs o
                                  where o.user_id = r and o.kind = :kind and o.channel = 'WEBHOOK')""")
                .param("notice", id.value()).param("county", county).param("now", Timestamp.from(now))
                .param("ids", ids).param("kind", notice.kind().code())
                .update();
        changes.afterCommit(recipients);
        return id;
    }

    /** One case per kind of recipient; a unit recipient will add its own. */
    private static Set<UUID> resolve(Recipients recipients) {
        return switch (recipients) {
            case Recipients.Users users -> users.ids();
        };
    }
}
