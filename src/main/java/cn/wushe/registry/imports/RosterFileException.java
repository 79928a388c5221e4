package cn.wushe.registry.imports;

import cn.wushe.platform.ProblemType;
import cn.wushe.platform.files.RejectedFile;

/** An uploaded roster file refused as a whole, before any row is read; the message says why, in Chinese. */
final class RosterFileException extends RejectedFile {

    RosterFileException(String message) {
        this(ProblemType.IMPORT_FILE_REJECTED, message);
    }

    RosterFileException(ProblemType type, String message) {
        super(type, message);
    }

}
