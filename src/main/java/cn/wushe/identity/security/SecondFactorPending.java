package cn.wushe.identity.security;

import cn.wushe.identity.internal.SigningIn;
import java.io.Serial;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The password was right; the second factor is still due. Holds no authority at all, so nothing
 * but the second-factor page ({@link SecondFactorGate}) is open to it.
 */
public final class SecondFactorPending extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final String username;
    private final boolean mustEnrol;

    SecondFactorPending(SigningIn.SecondFactorDue due) {
        super(List.of());
        this.userId = due.userId();
        this.username = due.username();
        this.mustEnrol = due.mustEnrol();
        setAuthenticated(true);
    }

    public UUID userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    /** The account has no second factor yet but must have one: it enrols before it may continue. */
    public boolean mustEnrol() {
        return mustEnrol;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    /** Named so the page shell can greet it ({@code principal.displayName}) like a signed-in user. */
    @Override
    public Object getPrincipal() {
        return new Waiting(username);
    }

    /** The principal while the second factor is due. */
    public record Waiting(String username) implements java.io.Serializable {

        public String getDisplayName() {
            return username;
        }
    }

    @Override
    public String getName() {
        return username;
    }
}
