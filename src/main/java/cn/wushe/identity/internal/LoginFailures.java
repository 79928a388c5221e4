package cn.wushe.identity.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed-login counts per normalized username ({@code identity.login_failures}). */
@Repository
public class LoginFailures {

    private final JdbcClient jdbc;

    LoginFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The count for {@code key}, row-locked until the transaction ends so that parallel attempts
     * on one username are counted one after another.
     */
    FailureCount lockAndRead(String key) {
        jdbc.sql("insert into identity.login_failures (username_normalized) values (:key) on conflict do nothing")
                .param("key", key).update();
        return jdbc.sql("""
                select failures, window_started_at, locked_until from identity.login_failures
                where username_normalized = :key for update
                """)
                .param("key", key)
                .query((rs, i) -> new FailureCount(rs.getInt(1), UserAccounts.instant(rs, "window_started_at"),
                        UserAccounts.instant(rs, "locked_until")))
                .single();
    }

    public Optional<FailureCount> find(String key) {
        return jdbc.sql("select failures, window_started_at, locked_until from identity.login_failures where username_normalized = :key")
                .param("key", key)
                .query((rs, i) -> new FailureCount(rs.getInt(1), UserAccounts.instant(rs, "window_started_at"),
                        UserAccounts.instant(rs, "locked_until")))
                .optional();
    }

    void save(String key, FailureCount count) {
        jdbc.sql("""
                update identity.login_failures set failures = :failures, window_started_at = :window, locked_until = :locked
                where username_normalized = :key
                """)
                .param("failures", count.failures())
                .param("window", UserAccounts.ts(count.windowStartedAt()))
                .param("locked", UserAccounts.ts(count.lockedUntil()))
                .param("key", key).update();
    }

    /** Forgets all failures and any lock; {@code true} if there was something to forget. */
    boolean clear(String key) {
        return jdbc.sql("delete from identity.login_failures where username_normalized = :key")
                .param("key", key).update() > 0;
    }
}
