package cn.wushe.requests.internal;

import cn.wushe.platform.Messages;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How a matter comes in (受理渠道). */
public enum Channel {
    /** 窗口受理: a community worker at the one-stop desk, for a walk-in. */
    DESK(true),
    /** 网上自助: a confirmed resident on their own account. */
    SELF_SERVICE(false),
    /** 预约办理: a resident with a booked desk slot. */
    APPOINTMENT(false),
    /** 上门办理: a grid or community worker at the resident's home. */
    AT_HOME(true),
    /** 委托代办: someone else on the applicant's behalf, with their signed consent. */
    PROXY(true),
    /** 报告情况: raised by a grid worker (a broken streetlight), with photo and position. */
    REPORT(true);

    private final boolean onBehalf;

    Channel(boolean onBehalf) {
        this.onBehalf = onBehalf;
    }

    /** Taken by staff for someone else (name and phone typed in), rather than by the resident themself. */
    public boolean onBehalf() {
        return onBehalf;
    }

    public String label() {
        return Messages.text("requests.channel." + name());
    }

    public static Optional<Channel> fromCode(@Nullable String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
