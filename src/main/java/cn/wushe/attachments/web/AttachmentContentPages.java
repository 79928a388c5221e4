package cn.wushe.attachments.web;

import cn.wushe.attachments.AttachmentContent;
import cn.wushe.attachments.AttachmentId;
import cn.wushe.attachments.Attachments;
import cn.wushe.platform.CurrentActor;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The bytes of an attachment, for an {@code <img>} on a page or a download: never cached
 * ({@code private, no-store}), never sniffed by the browser, images inline and documents as a
 * download, the file name encoded (RFC 6266/5987) so no name can break the header. A refusal is
 * the 404/403 page, as for any page.
 */
@Controller
class AttachmentContentPages {

    private final Attachments attachments;

    AttachmentContentPages(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/attachments/{id}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        return served(attachments.open(CurrentActor.get(), new AttachmentId(id)));
    }

    @GetMapping("/attachments/{id}/thumbnail")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> thumbnail(@PathVariable UUID id) {
        return served(attachments.openThumbnail(CurrentActor.get(), new AttachmentId(id)));
    }

    static ResponseEntity<byte[]> served(AttachmentContent content) {
        ContentDisposition disposition = (content.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(content.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .contentLength(content.bytes().length)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }
}
