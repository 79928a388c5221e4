package cn.wushe.attachments;

import java.util.UUID;

/** Identifies one attachment (附件). */
public record AttachmentId(UUID value) {

    public static AttachmentId of(String text) {
        return new AttachmentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
