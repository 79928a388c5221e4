package cn.wushe.attachments;

import cn.wushe.platform.Messages;

/** What a file was found to be by its content (never its name): the kinds attachments accept. */
public enum AttachmentKind {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    AttachmentKind(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type the content is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The extension a served file name ends with. */
    public String extension() {
        return extension;
    }

    public boolean image() {
        return this == JPEG || this == PNG;
    }

    public String label() {
        return Messages.text("attachments.kind." + name());
    }
}
