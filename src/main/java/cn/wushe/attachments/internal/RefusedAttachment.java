package cn.wushe.attachments.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import java.util.Map;

/** An uploaded file refused by its content; the Chinese message (also on field {@code file}) says what it really is and why. */
final class RefusedAttachment extends DomainException {

    RefusedAttachment(ProblemType type, String message) {
        super(type, message, Map.of("file", message));
    }

    static RefusedAttachment type(String message) {
        return new RefusedAttachment(ProblemType.ATTACHMENT_TYPE_REFUSED, message);
    }

    static RefusedAttachment content(String message) {
        return new RefusedAttachment(ProblemType.ATTACHMENT_CONTENT_REFUSED, message);
    }
}
