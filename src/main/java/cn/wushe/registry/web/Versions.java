package cn.wushe.registry.web;

import cn.wushe.platform.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** ETag / If-Match for optimistic locking: the ETag is the record's version, quoted. */
final class Versions {

    private Versions() {
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** @throws DomainException 428 when the header is missing, 412 when it is not a version we issued */
    static int ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new DomainException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
                    "修改前请先读取该记录，并在 If-Match 头中带上其 ETag");
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new DomainException(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "If-Match 与记录的版本不符，请刷新后重新编辑");
        }
    }
}
