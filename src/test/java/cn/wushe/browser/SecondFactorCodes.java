package cn.wushe.browser;

import cn.wushe.identity.internal.Totp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real TOTP code for an enrolled account, computed from its secret the way the phone's app does.
 * The server accepts each time step once (RFC 6238 §5.2) and one step of drift either side, so the
 * code is for the earliest step it still accepts; when a test signed the same account in twice
 * within one step already, it waits for the next step (a wait, never a different outcome).
 */
public final class SecondFactorCodes {

    private SecondFactorCodes() {
    }

    public static String next(JdbcClient jdbc, String username, String secretBase32) {
        byte[] secret = Totp.fromBase32(secretBase32);
        long lastUsed = jdbc.sql("""
                select f.last_used_step from identity.second_factors f join identity.users u on u.id = f.user_id
                where lower(u.username) = lower(:name)
                """).param("name", username).query(Long.class).optional().orElse(0L);
        while (true) {
            long current = Totp.stepAt(Instant.now());
            long step = Math.max(current - 1, lastUsed + 1);
            if (step <= current + 1) {
                return Totp.code(secret, step);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
