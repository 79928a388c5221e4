package cn.wushe.identity.internal;

import cn.wushe.identity.internal.SignedInUser;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends a user's live sessions when their credentials or rights change (password changed or reset,
 * account disabled, role granted or revoked); each ended session is refused at its next request, and
 * no remembered device (保持登录) signs in again by its old cookie.
 */
@Component
public class SessionEnding {

    private final SessionRegistry registry;
    private final UserAccounts accounts;
    private final SignedInUsers signedInUsers;
    private final RememberedDevices rememberedDevices;

    SessionEnding(SessionRegistry registry, UserAccounts accounts, SignedInUsers signedInUsers,
            RememberedDevices rememberedDevices) {
        this.rememberedDevices = rememberedDevices;
        this.registry = registry;
        this.accounts = accounts;
        this.signedInUsers = signedInUsers;
    }

    /** @param keep the session to leave alone (the one changing its own password), or {@code null} */
    public int endSessionsOf(UUID userId, @Nullable String keep) {
        // a remembered phone would otherwise sign in again at its next request, with the old rights
        rememberedDevices.revokeAll(userId);
        // the registry finds sessions by principal: an equal one (same id, same name) finds them on any node
        SignedInUser principal = accounts.find(userId).map(signedInUsers::of).orElse(null);
        if (principal == null) {
            return 0;
        }
        int ended = 0;
        for (SessionInformation session : registry.getAllSessions(principal, false)) {
            if (!session.getSessionId().equals(keep)) {
                session.expireNow();
                ended++;
            }
        }
        return ended;
    }
}
