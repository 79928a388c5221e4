package cn.wushe.platform.web;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import org.jspecify.annotations.Nullable;

/**
 * ETag and If-Match for optimistic locking, the one way for every module: an aggregate's version
 * is its strong ETag ({@code "3"}); an edit names the version it read in {@code If-Match}
 * ({@code "3"} or {@code W/"3"}).
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an edit was based on.
     *
     * @throws DomainException {@link ProblemType#IF_MATCH_REQUIRED} (428) without If-Match,
     *         {@link ProblemType#VERSION_MISMATCH} (412) when it names no version this server gives
     */
    public static long required(@Nullable String ifMatch) {
        Long version = optional(ifMatch);
        if (version == null) {
            throw new DomainException(ProblemType.IF_MATCH_REQUIRED,
                    Messages.text("platform.version.if-match-required"));
        }
        return version;
    }

    /** The version named by If-Match, or {@code null} without one or for {@code *} (any version). */
    public static @Nullable Long optional(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw mismatch();
        }
    }

    /** The refusal of an edit based on a version that is no longer current. */
    public static DomainException mismatch() {
        return new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("platform.version.mismatch"));
    }
}
