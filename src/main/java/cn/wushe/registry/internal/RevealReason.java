package cn.wushe.registry.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Why someone looks at a record in clear (security.md item 10): chosen from a list, so the audit
 * log can be read by purpose, not guessed from free text; "other" needs a note of at least
 * {@link #NOTE_MIN_HAN} Chinese characters. A client that still sends free text is read as "other"
 * with that text as the note, under the same rule.
 */
public enum RevealReason {
    VISIT, ELIGIBILITY_REVIEW, EMERGENCY, CORRECTION, OTHER;

    public static final int NOTE_MIN_HAN = 4;
    static final int NOTE_MAX = 200;

    public String label() {
        return Messages.text("registry.reveal-reason." + name());
    }

    /**
     * The reason as the audit log keeps it ("走访", "其他：…").
     *
     * @param code one of the codes, or free text (read as OTHER with the text as note)
     * @throws DomainException invalid {@code reason} or {@code note}
     */
    public static String stated(@Nullable String code, @Nullable String note) {
        String given = code == null ? "" : code.strip();
        if (given.isEmpty()) {
            throw DomainException.invalid("reason", Messages.text("registry.reveal-reason.missing"));
        }
        RevealReason reason;
        String text = note == null ? null : note.strip();
        try {
            reason = valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException freeText) {
            reason = OTHER;
            text = given;
        }
        if (reason != OTHER) {
            return reason.label();
        }
        if (text == null || text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count() < NOTE_MIN_HAN) {
            throw DomainException.invalid(code != null && text != null && text.equals(given) ? "reason" : "note",
                    Messages.text("registry.reveal-reason.note-too-short", NOTE_MIN_HAN));
        }
        if (text.codePointCount(0, text.length()) > NOTE_MAX) {
            throw DomainException.invalid("note", Messages.text("registry.unmask.reason-too-long", NOTE_MAX));
        }
        return OTHER.label() + "：" + text;
    }
}
