package cn.wushe.registry.imports;

import cn.wushe.platform.ProblemType;
import cn.wushe.platform.DomainException;
import java.util.Map;

/** An uploaded roster file refused as a whole, before any row is read; the message says why, in Chinese. */
final class RosterFileException extends DomainException {

    RosterFileException(String message) {
        this(ProblemType.IMPORT_FILE_REJECTED, message);
    }

    RosterFileException(ProblemType type, String message) {
        super(type, message, Map.of("file", message));
    }

    static RosterFileException tooLarge(long maxBytes) {
        return new RosterFileException(ProblemType.UPLOAD_TOO_LARGE,
                "文件超过 " + maxBytes / (1024 * 1024) + " MB 的上限，请分成几个文件分批导入");
    }
}
