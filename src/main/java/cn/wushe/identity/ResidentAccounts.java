package cn.wushe.identity;

import cn.wushe.platform.Actor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Residents' self-signed-up accounts as other modules see them, for a worker linking an account to
 * the registry record of the same person (关联居民账号). Bounded by the worker's
 * {@code SIGNUP_CONFIRM} scope; shows masked data only.
 */
public interface ResidentAccounts {

    /** A resident account that may be linked. */
    record Linkable(UUID userId, String realName, String maskedPhone, @Nullable String maskedIdentityNumber,
            String statusLabel, boolean sameIdentityNumber) {
    }

    /**
     * Pending and confirmed resident sign-ups of {@code communityCode} inside the actor's scope; those
     * whose identity number has the blind index {@code identityNumberIndex} first and marked.
     */
    List<Linkable> linkableIn(Actor actor, String communityCode, @Nullable String identityNumberIndex);

    /** One of {@link #linkableIn}'s accounts, empty when it is out of scope or not a live resident sign-up. */
    Optional<Linkable> find(Actor actor, UUID userId);
}
