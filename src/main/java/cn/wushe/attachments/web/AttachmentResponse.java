package cn.wushe.attachments.web;

import cn.wushe.attachments.Attachment;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attachment in the API. {@code contentUrl} and {@code thumbnailUrl} are where the bytes are read
 * (with the same session or bearer token); every read is audited.
 */
record AttachmentResponse(String id, String ownerType, String ownerId, String kind, String mediaType, String fileName,
        long size, @Nullable Integer width, @Nullable Integer height, Instant uploadedAt, String contentUrl,
        @Nullable String thumbnailUrl) {

    static AttachmentResponse of(Attachment a) {
        String base = "/api/v1/attachments/" + a.id();
        return new AttachmentResponse(a.id().toString(), a.owner().objectType(), a.owner().objectId(), a.kind().name(),
                a.kind().mediaType(), a.fileName(), a.size(), a.width(), a.height(), a.uploadedAt(), base + "/content",
                a.thumbnail() ? base + "/thumbnail" : null);
    }
}
