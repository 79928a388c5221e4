package cn.wushe.registry.imports;

import cn.wushe.platform.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An uploaded roster file refused as a whole, before any row is read; the message says why, in Chinese. */
final class RosterFileException extends DomainException {

    RosterFileException(String message) {
        this(HttpStatus.BAD_REQUEST, "import-file-rejected", message);
    }

    RosterFileException(HttpStatus status, String type, String message) {
        super(status, type, message, Map.of("file", message));
    }

    static RosterFileException tooLarge(long maxBytes) {
        return new RosterFileException(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
                "文件超过 " + maxBytes / (1024 * 1024) + " MB 的上限，请分成几个文件分批导入");
    }
}
