package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.NoticeKindContributor;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.RateLimits;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refused access to personal data (security.md item 4): every refusal is an audit entry with the
 * actor, the object and the reason (outcome DENIED), and an account refused more than
 * {@code threshold} times within {@code window} raises one alert to the security administrators
 * of its county (at most one an hour per account), in their inbox.
 */
@Service
public class RefusalAlerts {

    public static final NoticeKind REPEATED_REFUSALS = NoticeKind.mandatory("identity.repeated-refusals",
            "identity.refusal.notice-kind");

    private final AuditLog audit;
    private final Notifications notifications;
    private final RateLimits limits;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RateLimits.Budget refusals;
    private final RateLimits.Budget alerted = RateLimits.Budget.of("identity.refusal-alerted", 1, Duration.ofHours(1));
    private final int threshold;
    private final Duration window;

    RefusalAlerts(AuditLog audit, Notifications notifications, RateLimits limits, JdbcClient jdbc,
            TransactionTemplate transaction, @Value("${wushe.security.refusals.alert-after:10}") int threshold,
            @Value("${wushe.security.refusals.window:PT10M}") Duration window) {
        this.audit = audit;
        this.notifications = notifications;
        this.limits = limits;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.threshold = threshold;
        this.window = window;
        this.refusals = RateLimits.Budget.of("identity.refusals", threshold, window.dividedBy(threshold));
    }

    /** Declared apart from the service: the notifications module collects kinds before it can send. */
    @org.springframework.stereotype.Component
    static class Kinds implements NoticeKindContributor {

        @Override
        public List<NoticeKind> kinds() {
            return List.of(REPEATED_REFUSALS);
        }
    }

    /** The county the account works in: its home county, else the first county its scopes lie in. */
    private static @Nullable String countyOf(Actor actor) {
        if (actor instanceof SignedInUser user) {
            return user.homeRegionCode().substring(0, 6);
        }
        for (Permission permission : Permission.values()) {
            for (RegionScope scope : actor.scopesFor(permission)) {
                if (scope.countyCode() != null) {
                    return scope.countyCode();
                }
            }
        }
        return null;
    }

    /**
     * Records one refusal in a transaction of its own (the refused request's own work rolled back).
     *
     * @param actor      who was refused ({@code null}: nobody signed in, only audited)
     * @param objectType PERSON, HOUSEHOLD, IMPORT_JOB, EXPORT or CORRECTION
     */
    public void refused(@Nullable Actor actor, String objectType, @Nullable String objectId, String request, String reason) {
        audit.recordIndependently(AuditEvent.success("ACCESS_DENIED", objectType, objectId, null)
                .withOutcome(AuditEvent.Outcome.DENIED).withReason(reason).withDetail(request));
        if (actor == null || limits.tryTake(refusals, actor.id().toString()).isEmpty()
                || limits.tryTake(alerted, actor.id().toString()).isPresent()) {
            return;
        }
        String county = countyOf(actor);
        if (county == null) {
            return;
        }
        List<UUID> admins = jdbc.sql("""
                select distinct user_id from identity.role_assignments a join identity.users u on u.id = a.user_id
                where a.role = 'SECURITY_ADMIN' and a.county_code = :county and u.enabled
                """).param("county", county).query(UUID.class).list();
        transaction.executeWithoutResult(status -> {
            audit.record(AuditEvent.success("REFUSALS_ALERTED", "USER", actor.id().toString(), county)
                    .withDetail(Messages.text("identity.refusal.alert-detail", threshold, window.toMinutes(), admins.size())));
            if (!admins.isEmpty()) {
                notifications.send(new Notice(Recipients.users(admins), REPEATED_REFUSALS,
                        Messages.text("identity.refusal.alert-title"),
                        Messages.text("identity.refusal.alert-text", actor.username(), threshold, window.toMinutes()),
                        "/audit?actor=" + java.net.URLEncoder.encode(actor.username(), java.nio.charset.StandardCharsets.UTF_8)
                                + "&outcome=DENIED", county));
            }
        });
    }
}
