package cn.wushe.registry;

import cn.wushe.platform.DomainException;
import cn.wushe.registry.internal.RevealReason;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why someone looks at a person's data in clear, asked the way the registry asks it (security.md
 * item 10): other modules that reveal personal data offer the same list, so the audit log reads by
 * purpose across modules rather than by each module's own wording.
 */
public final class RevealReasons {

    /** A choice for a form or an API: the code to send and its Chinese label. */
    public record Option(String code, String label) {
    }

    private RevealReasons() {
    }

    public static List<Option> options() {
        return Arrays.stream(RevealReason.values()).map(r -> new Option(r.name(), r.label())).toList();
    }

    /**
     * The reason as the audit log keeps it ("走访", "其他：…").
     *
     * @throws DomainException invalid {@code reason} or {@code note} ("other" needs a note of a few Chinese characters)
     */
    public static String stated(@Nullable String code, @Nullable String note) {
        return RevealReason.stated(code, note);
    }
}
