package cn.wushe.identity.internal;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed-login counts ({@code identity.login_failures}) per normalized username and client address
 * (these lock), and per username across all addresses under the address {@link #EVERYWHERE} (these
 * only slow attempts down, so nobody can lock someone else out from afar).
 */
@Repository
public class LoginFailures {

    /** The address under which a username's failures from every address are counted. */
    static final String EVERYWHERE = "";

    private final JdbcClient jdbc;

    LoginFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The count for {@code key} from {@code address}, row-locked until the transaction ends so that
     * parallel attempts are counted one after another.
     */
    FailureCount lockAndRead(String key, String address) {
        jdbc.sql("""
                insert into identity.login_failures (username_normalized, client_address) values (:key, :address)
                on conflict do nothing
                """).param("key", key).param("address", address).update();
        return jdbc.sql("""
                select failures, window_started_at, locked_until from identity.login_failures
                where username_normalized = :key and client_address = :address for update
                """)
                .param("key", key).param("address", address)
                .query((rs, i) -> new FailureCount(rs.getInt(1), UserAccounts.instant(rs, "window_started_at"),
                        UserAccounts.instant(rs, "locked_until")))
                .single();
    }

    /** When the username was last tried from any address ({@code null}: not since its failures were forgotten). */
    @Nullable Instant lastAttempt(String key) {
        return jdbc.sql("select last_attempt_at from identity.login_failures where username_normalized = :key and client_address = ''")
                .param("key", key).query((rs, i) -> UserAccounts.instant(rs, "last_attempt_at")).optional().orElse(null);
    }

    /** The lock that lasts longest among the username's addresses (for the administrator's view). */
    public Optional<FailureCount> find(String key) {
        return jdbc.sql("""
                select failures, window_started_at, locked_until from identity.login_failures
                where username_normalized = :key and client_address <> '' order by locked_until desc nulls last limit 1
                """)
                .param("key", key)
                .query((rs, i) -> new FailureCount(rs.getInt(1), UserAccounts.instant(rs, "window_started_at"),
                        UserAccounts.instant(rs, "locked_until")))
                .optional();
    }

    void save(String key, String address, FailureCount count, Instant attemptedAt) {
        jdbc.sql("""
                update identity.login_failures set failures = :failures, window_started_at = :window, locked_until = :locked,
                    last_attempt_at = :at
                where username_normalized = :key and client_address = :address
                """)
                .param("failures", count.failures())
                .param("window", UserAccounts.ts(count.windowStartedAt()))
                .param("locked", UserAccounts.ts(count.lockedUntil()))
                .param("at", UserAccounts.ts(attemptedAt))
                .param("key", key).param("address", address).update();
    }

    /** Forgets the failures from one address (a successful sign-in there). */
    void clear(String key, String address) {
        jdbc.sql("delete from identity.login_failures where username_normalized = :key and client_address in (:address, '')")
                .param("key", key).param("address", address).update();
    }

    /** Forgets all failures and every lock of the username; {@code true} if there was something to forget. */
    boolean clear(String key) {
        return jdbc.sql("delete from identity.login_failures where username_normalized = :key")
                .param("key", key).update() > 0;
    }
}
