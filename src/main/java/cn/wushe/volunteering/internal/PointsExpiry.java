package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Messages;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Optional expiry of store points (积分有效期): with {@code wushe.volunteering.points-expiry-months}
 * above 0, points earned (hours, good deeds) longer ago than that expire as far as they were not
 * spent, first in first out (points moved in from a resident's account count as earned when moved): what expires is the earned-before-the-cutoff total minus every debit so
 * far (redemptions, reversals, earlier expiries), never more than the balance. Each expiry is an
 * {@code EXPIRY} ledger row, the balance goes down in the same statement, so the ledger and the
 * balance stay equal and a repeated run expires nothing twice. A db-scheduler recurring task, daily.
 */
@Configuration(proxyBeanMethods = false)
public class PointsExpiry {

    static final UUID SYSTEM = UUID.nameUUIDFromBytes("volunteering-points-expiry".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int months;

    PointsExpiry(JdbcClient jdbc, AuditLog audit, TransactionTemplate transaction, Clock clock,
            @Value("${wushe.volunteering.points-expiry-months:0}") int months) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.months = months;
    }

    @Bean
    RecurringTask<Void> volunteeringPointsExpiryTask() {
        return Tasks.recurring("volunteering-points-expiry", FixedDelay.of(Duration.ofHours(24)))
                .execute((instance, context) -> expireAll());
    }

    /** Expires, in every county with balances, what the configured period lets expire; 0 when expiry is off. */
    public int expireAll() {
        if (months <= 0) {
            return 0;
        }
        Instant cutoff = ZonedDateTime.now(clock.withZone(Times.CHINA)).minusMonths(months).toInstant();
        List<String> counties = jdbc.sql("select distinct county_code from volunteering.points_balances where balance > 0")
                .query(String.class).list();
        int total = 0;
        for (String county : counties) {
            total += expireEarnedBefore(county, cutoff);
        }
        return total;
    }

    /** Expires in one county the unspent points earned before {@code cutoff}; answers how many balances lost points. */
    public int expireEarnedBefore(String county, Instant cutoff) {
        Integer rows = transaction.execute(status -> {
            int n = jdbc.sql("""
                    with due as (
                        select b.community_code, b.volunteer_id,
                            least(b.balance, greatest(0,
                                coalesce(sum(l.points) filter (where l.points > 0 and l.kind in ('HOURS', 'DEED', 'MERGE')
                                                                and l.recorded_at < :cutoff), 0)
                              + coalesce(sum(l.points) filter (where l.points < 0), 0))) as amount
                        from volunteering.points_balances b
                        join volunteering.points_ledger l on l.county_code = b.county_code
                             and l.community_code = b.community_code and l.volunteer_id = b.volunteer_id
                        where b.county_code = :county and b.balance > 0
                        group by b.community_code, b.volunteer_id, b.balance),
                    taken as (
                        update volunteering.points_balances b set balance = b.balance - d.amount
                        from due d
                        where b.county_code = :county and b.community_code = d.community_code
                          and b.volunteer_id = d.volunteer_id and d.amount > 0 and b.balance >= d.amount
                        returning b.community_code, b.volunteer_id, d.amount)
                    insert into volunteering.points_ledger (county_code, id, community_code, volunteer_id, points, kind,
                        reason, recorded_by, recorded_at)
                    select :county, gen_random_uuid(), community_code, volunteer_id, -amount, 'EXPIRY', :reason, :by, :at
                    from taken""")
                    .param("county", county).param("cutoff", Times.ts(cutoff))
                    .param("reason", Messages.text("volunteering.points.expired-reason", Labels.format(cutoff, "yyyy-MM-dd")))
                    .param("by", SYSTEM).param("at", Times.ts(clock.instant())).update();
            if (n > 0) {
                audit.record(AuditEvent.success("POINTS_EXPIRE", "VOLUNTEER", null, county).byActor("system")
                        .withDetail(Messages.text("volunteering.points.expired-audit", n)));
            }
            return n;
        });
        return rows == null ? 0 : rows;
    }
}
