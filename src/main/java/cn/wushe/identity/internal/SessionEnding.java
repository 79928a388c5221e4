package cn.wushe.identity.internal;

import cn.wushe.identity.internal.SignedInUser;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends a user's live sessions when their credentials or rights change (password changed or reset,
 * account disabled, role granted or revoked); each ended session is refused at its next request.
 */
@Component
public class SessionEnding {

    private final SessionRegistry registry;

    SessionEnding(SessionRegistry registry) {
        this.registry = registry;
    }

    /** @param keep the session to leave alone (the one changing its own password), or {@code null} */
    public int endSessionsOf(UUID userId, @Nullable String keep) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof SignedInUser user && user.id().equals(userId)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keep)) {
                        session.expireNow();
                        ended++;
                    }
                }
            }
        }
        return ended;
    }
}
