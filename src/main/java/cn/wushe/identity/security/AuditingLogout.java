package cn.wushe.identity.security;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.internal.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/** Records LOGOUT before the session is invalidated. */
final class AuditingLogout implements LogoutHandler {

    private final AuditLog audit;

    AuditingLogout(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            audit.record(AuditEvent.success("LOGOUT", "USER", user.id().toString(), user.homeRegionCode())
                    .byActor(user.username()));
        }
    }
}
