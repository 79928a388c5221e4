package cn.wushe.attachments;

import cn.wushe.platform.Actor;
import java.util.List;

/**
 * Photos and files (附件) of any object. Every method checks the owning module's
 * {@link AttachmentAccess} for the object first (out of scope or absent: not found; visible but not
 * the actor's to change: forbidden) and writes to the audit log: uploads and deletions in the
 * caller's transaction, reads of content and lists as access entries.
 */
public interface Attachments {

    /**
     * Checks the file by its content, re-encodes images (dropping EXIF and location), stores the
     * content encrypted and records the attachment, in the caller's transaction (a rollback leaves
     * no row; an orphaned encrypted blob at most).
     *
     * @param fileName the name the uploader's device gave; only used, sanitized, for display and to
     *                 refuse a file whose name claims another type than its content
     * @throws cn.wushe.platform.DomainException with a precise Chinese message when the file is refused
     */
    Attachment store(Actor actor, AttachedTo owner, String fileName, byte[] content);

    /** The owner's attachments, newest first, deleted ones left out. */
    List<Attachment> list(Actor actor, AttachedTo owner);

    /** Whether the actor may add attachments to the object (and delete them): for showing the upload form. */
    boolean mayAttach(Actor actor, AttachedTo owner);

    /** The served content: the re-encoded image, or the document as uploaded. */
    AttachmentContent open(Actor actor, AttachmentId id);

    /** The thumbnail (about 320 px) of an image; not found for documents. */
    AttachmentContent openThumbnail(Actor actor, AttachmentId id);

    /** Marks the attachment deleted (kept for the audit trail, no longer listed or served). */
    void delete(Actor actor, AttachmentId id);

    /**
     * Erases every attachment of the owner for good, for the owning module's own system work when
     * the owner's retention has run out (no actor: the module has decided). The rows stay for the audit
     * trail, without their file names; the encrypted content leaves the store after the commit once no
     * other attachment shares it (a crash in between is caught up by a daily sweep). Audited.
     *
     * @return how many attachments were erased
     */
    int erase(AttachedTo owner);
}
