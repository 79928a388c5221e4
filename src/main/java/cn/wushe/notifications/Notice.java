package cn.wushe.notifications;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One notice to send. Title and text are Chinese and already rendered by the caller
 * ({@code Messages.text(...)}); like the link they must not carry personal data (an identity
 * number, a phone number, a health note): a notice points at the object, the object page shows
 * what its reader may see.
 *
 * @param link       the object's page, relative to the application (starts with one {@code /})
 * @param regionCode the object's region (6–15 digits); selects the county whose gateway sends the
 *                   webhook; {@code null} for none (the home county's gateway is used)
 */
public record Notice(Recipients recipients, NoticeKind kind, String title, String text, String link,
        @Nullable String regionCode) {

    public static final int TITLE_MAX = 100;
    public static final int TEXT_MAX = 500;

    /** No braces either: the inbox redirects to the link, and a redirect expands {…} as a template. */
    private static final Pattern RELATIVE_LINK = Pattern.compile("/(?![/\\\\])[^\\s\\p{Cntrl}{}]*");
    private static final Pattern REGION = Pattern.compile("\\d{6}(\\d{3}){0,3}");

    public Notice {
        if (recipients == null || kind == null) {
            throw new IllegalArgumentException("a notice needs recipients and a kind");
        }
        if (title == null || title.isBlank() || title.length() > TITLE_MAX) {
            throw new IllegalArgumentException("a notice title has 1–" + TITLE_MAX + " characters");
        }
        if (text == null || text.length() > TEXT_MAX) {
            throw new IllegalArgumentException("a notice text has at most " + TEXT_MAX + " characters");
        }
        // an absolute or protocol-relative link would make the inbox an open redirect
        if (link == null || link.length() > 500 || !RELATIVE_LINK.matcher(link).matches()) {
            throw new IllegalArgumentException("a notice links to a page of the application: " + link);
        }
        if (regionCode != null && !REGION.matcher(regionCode).matches()) {
            throw new IllegalArgumentException("not a region code: " + regionCode);
        }
    }

    public Notice(Recipients recipients, NoticeKind kind, String title, String text, String link) {
        this(recipients, kind, title, text, link, null);
    }
}
