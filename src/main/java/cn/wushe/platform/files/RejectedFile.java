package cn.wushe.platform.files;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import java.util.Map;

/** An uploaded file refused as a whole, before any row is read; the message (also on field {@code file}) says why, in Chinese. */
public class RejectedFile extends DomainException {

    public RejectedFile(String message) {
        this(ProblemType.IMPORT_FILE_REJECTED, message);
    }

    public RejectedFile(ProblemType type, String message) {
        super(type, message, Map.of("file", message));
    }

    /** Over the size limit, in whole megabytes. */
    public static RejectedFile tooLarge(long maxBytes) {
        return new RejectedFile(ProblemType.UPLOAD_TOO_LARGE, Messages.text("platform.upload.too-large", maxBytes / (1024 * 1024)));
    }
}
