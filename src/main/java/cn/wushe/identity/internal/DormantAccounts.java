package cn.wushe.identity.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Messages;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts nobody has used for {@code wushe.security.dormant-after} (90 days) are disabled (security.md
 * item 10): an account whose holder left is a door nobody watches. Used means signed in, or one of
 * its access tokens was used; an account never used counts from its creation. A system
 * administrator enables it again. A db-scheduler recurring task: one node at a time, catch-up by
 * construction (it disables whatever is dormant now, however long the application was down).
 */
@Configuration(proxyBeanMethods = false)
public class DormantAccounts {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final UserAccounts accounts;
    private final SessionEnding sessions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration dormantAfter;

    DormantAccounts(JdbcClient jdbc, AuditLog audit, UserAccounts accounts, SessionEnding sessions,
            TransactionTemplate transaction, Clock clock,
            @Value("${wushe.security.dormant-after:90d}") Duration dormantAfter) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.sessions = sessions;
        this.transaction = transaction;
        this.clock = clock;
        this.dormantAfter = dormantAfter;
    }

    @Bean
    RecurringTask<Void> disableDormantAccountsTask(@Value("${wushe.security.dormant-check-interval:6h}") Duration interval) {
        return Tasks.recurring("disable-dormant-accounts", FixedDelay.of(interval))
                .execute((instance, context) -> disableDormant());
    }

    /** Disables every dormant account, each in its own transaction with its audit entry; answers how many. */
    public int disableDormant() {
        Instant cutoff = clock.instant().minus(dormantAfter);
        List<UUID> dormant = jdbc.sql("""
                select u.id from identity.users u
                where u.enabled and greatest(u.created_at, coalesce(u.last_login_at, u.created_at),
                      coalesce((select max(t.last_used_at) from identity.api_tokens t where t.user_id = u.id), u.created_at)) < :cutoff
                """).param("cutoff", UserAccounts.ts(cutoff)).query(UUID.class).list();
        for (UUID id : dormant) {
            transaction.executeWithoutResult(status -> accounts.find(id).filter(UserAccount::enabled).ifPresent(account -> {
                account.disable();
                accounts.update(account);
                sessions.endSessionsOf(id, null);
                audit.record(AuditEvent.success("USER_DISABLE_DORMANT", "USER", id.toString(), account.homeRegionCode())
                        .byActor("system")
                        .withDetail(Messages.text("identity.account.dormant-detail", dormantAfter.toDays())));
            }));
        }
        return dormant.size();
    }
}
