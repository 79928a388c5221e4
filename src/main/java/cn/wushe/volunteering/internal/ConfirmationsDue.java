package cn.wushe.volunteering.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for an organizer (组织方) to confirm, for the workbench's 待办: ended activities with people
 * checked in whose hours are not yet confirmed, and service reported without check-in (补报) not yet
 * decided, both over the activities the actor organizes ({@link ActivityReach}).
 */
@Service
public class ConfirmationsDue {

    /**
     * Hours count only once confirmed, so a volunteer's stars and points wait for it: an activity ended
     * longer ago than this without confirmation is shown as overdue.
     */
    static final Duration CONFIRM_WITHIN = Duration.ofDays(7);

    /**
     * @param activities        ended activities with attendance, not yet confirmed
     * @param activitiesOverdue of them, ended more than {@link #CONFIRM_WITHIN} ago
     * @param reports           reported service awaiting a decision
     */
    public record Due(long activities, long activitiesOverdue, long reports) {
    }

    private final JdbcClient jdbc;

    ConfirmationsDue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Due of(Actor actor, Instant now) {
        if (!actor.can(Permission.ACTIVITY_MANAGE)) {
            return new Due(0, 0, 0);
        }
        SqlPredicate reach = ActivityReach.manages(actor);
        long[] ended = new long[2];
        jdbc.sql("select count(*), count(*) filter (where a.ends_at < :late) from volunteering.activities a"
                        + " where a.status = 'OPEN' and a.ends_at < :now and " + reach.sql()
                        + " and exists (select 1 from volunteering.attendances t where t.county_code = a.county_code"
                        + " and t.activity_id = a.id)")
                .params(reach.params()).param("now", Times.ts(now)).param("late", Times.ts(now.minus(CONFIRM_WITHIN)))
                .query(rs -> {
                    ended[0] = rs.getLong(1);
                    ended[1] = rs.getLong(2);
                });
        long reports = jdbc.sql("select count(*) from volunteering.hours_reports r join volunteering.activities a"
                        + " on a.county_code = r.county_code and a.id = r.activity_id where r.status = 'REPORTED' and " + reach.sql())
                .params(reach.params()).query(Long.class).single();
        return new Due(ended[0], ended[1], reports);
    }
}
