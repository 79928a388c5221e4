/**
 * Attachments (附件): photos and files for any object of any module. A file is accepted by its
 * content (JPEG, PNG, PDF, Word/Excel), images re-encoded without their metadata and thumbnailed,
 * stored content-addressed and SM4-GCM encrypted behind a {@link cn.wushe.attachments.BlobStore}, and
 * read only by those the owning module's {@link cn.wushe.attachments.AttachmentAccess} lets see the object.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments 附件",
        allowedDependencies = { "platform", "platform :: *", "audit" })
@org.jspecify.annotations.NullMarked
package cn.wushe.attachments;
