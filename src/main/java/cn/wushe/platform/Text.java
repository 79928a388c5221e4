package cn.wushe.platform;

import org.jspecify.annotations.Nullable;

/** Free text as users type it: surrounding whitespace is noise and a blank field means "not given". */
public final class Text {

    private Text() {
    }

    /** The text without surrounding whitespace (Unicode-aware, so a full-width space goes too), or {@code null} when blank. */
    public static @Nullable String trimToNull(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
