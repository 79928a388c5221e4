package cn.wushe.attachments.web;

import cn.wushe.attachments.AttachedTo;
import cn.wushe.attachments.AttachmentId;
import cn.wushe.attachments.Attachments;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Sm3;
import cn.wushe.platform.web.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Attachments (附件) of any object through the API. Who may list, upload and delete is the owning
 * module's rule ({@code AttachmentAccess} for the owner type): an owner outside the caller's scope
 * answers 404, an owner the caller sees but may not change 403. The content is read at
 * {@code /api/v1/attachments/{id}/content} and {@code …/thumbnail} (pages use {@code /attachments/{id}}).
 */
@RestController
@RequestMapping("/api/v1/attachments")
class AttachmentApi {

    private final Attachments attachments;
    private final Idempotency idempotency;

    AttachmentApi(Attachments attachments, Idempotency idempotency) {
        this.attachments = attachments;
        this.idempotency = idempotency;
    }

    /** What identifies an upload for its Idempotency-Key: the owner, the name and the content's digest. */
    record UploadFingerprint(String ownerType, String ownerId, String fileName, String sm3) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "上传附件（照片、PDF、Word、Excel；按内容识别类型，图片重新编码并去除位置信息）")
    ResponseEntity<AttachmentResponse> upload(@RequestParam String ownerType, @RequestParam String ownerId,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        AttachedTo owner = new AttachedTo(ownerType, ownerId);
        byte[] bytes = Uploads.bytesOf(file);
        String name = Uploads.nameOf(file);
        return idempotency.once(idempotencyKey, "POST /api/v1/attachments",
                new UploadFingerprint(ownerType, ownerId, name, Sm3.hex(bytes)), AttachmentResponse.class, () -> {
                    AttachmentResponse stored = AttachmentResponse.of(attachments.store(CurrentActor.get(), owner, name, bytes));
                    return ResponseEntity.created(URI.create(stored.contentUrl())).body(stored);
                });
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "列出一个对象的附件（新上传的在前）")
    List<AttachmentResponse> list(@RequestParam String ownerType, @RequestParam String ownerId) {
        return attachments.list(CurrentActor.get(), new AttachedTo(ownerType, ownerId)).stream()
                .map(AttachmentResponse::of).toList();
    }

    @GetMapping("/{id}/content")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "读取附件内容（图片为重新编码、去除 EXIF 和位置信息后的版本；每次读取记入审计日志；不缓存）")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        return AttachmentContentPages.served(attachments.open(CurrentActor.get(), new AttachmentId(id)));
    }

    @GetMapping("/{id}/thumbnail")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "读取图片附件的缩略图（约 320 像素，JPEG；文档没有缩略图，答 404）")
    ResponseEntity<byte[]> thumbnail(@PathVariable UUID id) {
        return AttachmentContentPages.served(attachments.openThumbnail(CurrentActor.get(), new AttachmentId(id)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "删除附件（标记删除并记入审计日志，不再列出和提供下载）")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        attachments.delete(CurrentActor.get(), new AttachmentId(id));
        return ResponseEntity.noContent().build();
    }
}
