package cn.wushe.region.web;

import cn.wushe.platform.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** An aggregate's version as a strong ETag ({@code "3"}), and back from {@code If-Match}. */
final class Versions {

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 428 without a usable If-Match; 412 when it names no version this server could have given. */
    static long required(@Nullable String ifMatch) {
        Long version = optional(ifMatch);
        if (version == null) {
            throw new DomainException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                    "修改前请先读取网格，并在 If-Match 头中带上它的 ETag（版本）");
        }
        return version;
    }

    static @Nullable Long optional(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new DomainException(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                    "If-Match 中的版本“" + ifMatch + "”与网格当前版本不符，请重新读取后再修改");
        }
    }
}
