package cn.wushe.identity.web;

import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Small helpers the identity pages share: the signed-in user and times as shown. */
final class Views {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ClockConfiguration.ZONE);

    private Views() {
    }

    /** The principal of this request; the identity pages are only reached by signed-in users. */
    static SignedInUser user() {
        if (CurrentActor.get() instanceof SignedInUser user) {
            return user;
        }
        throw DomainException.forbidden(Messages.text("identity.forbidden.use-feature"));
    }

    static String time(@Nullable Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant);
    }
}
