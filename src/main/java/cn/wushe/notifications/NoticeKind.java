package cn.wushe.notifications;

import java.util.regex.Pattern;

/**
 * What a notice is about, one per situation a module reports (e.g. {@code care.visit-overdue}); a
 * user chooses per kind and channel what reaches them. Declared by the sending module through a
 * {@link NoticeKindContributor} bean.
 *
 * @param code      stable, {@code <module>.<situation>} in lower case
 * @param labelKey  messages key of the Chinese label shown in the inbox and the preferences
 * @param mandatory a mandatory kind always reaches the inbox (only outbound channels can be turned off)
 */
public record NoticeKind(String code, String labelKey, boolean mandatory) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9-]+)+");

    public NoticeKind {
        if (code == null || !CODE.matcher(code).matches() || code.length() > 64) {
            throw new IllegalArgumentException("a notice kind code reads <module>.<situation>: " + code);
        }
        if (labelKey == null || labelKey.isBlank()) {
            throw new IllegalArgumentException("a notice kind needs a label key");
        }
    }

    public static NoticeKind optional(String code, String labelKey) {
        return new NoticeKind(code, labelKey, false);
    }

    public static NoticeKind mandatory(String code, String labelKey) {
        return new NoticeKind(code, labelKey, true);
    }
}
