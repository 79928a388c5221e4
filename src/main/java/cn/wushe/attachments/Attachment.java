package cn.wushe.attachments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One attachment as its owner's pages and API show it (never the content itself).
 *
 * @param fileName the uploader's file name, sanitized (no path, no control characters), with the
 *                 extension of what is served
 * @param width    pixels of the served image; {@code null} for documents
 */
public record Attachment(AttachmentId id, AttachedTo owner, AttachmentKind kind, String fileName, long size,
        @Nullable Integer width, @Nullable Integer height, boolean thumbnail, UUID uploadedBy, Instant uploadedAt) {
}
