package cn.wushe.platform;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Actor} of the current request, read from Spring Security's context. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** Fails closed: no signed-in actor means no access. */
    public static Actor get() {
        return find().orElseThrow(() -> new NotAuthenticatedException());
    }

    /** Thrown when code that needs an actor runs outside a signed-in request. */
    public static final class NotAuthenticatedException extends RuntimeException {
        NotAuthenticatedException() {
            super(Messages.text("platform.actor.unauthenticated"));
        }
    }
}
