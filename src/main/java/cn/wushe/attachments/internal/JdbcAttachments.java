package cn.wushe.attachments.internal;

import cn.wushe.attachments.AttachedTo;
import cn.wushe.attachments.Attachment;
import cn.wushe.attachments.AttachmentAccess;
import cn.wushe.attachments.AttachmentContent;
import cn.wushe.attachments.AttachmentId;
import cn.wushe.attachments.AttachmentKind;
import cn.wushe.attachments.Attachments;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The attachments use cases over table {@code attachments.attachments}: the owner's policy is asked
 * first, every query adds the region predicate of the owner type's view permission, and every
 * upload, deletion and read is audited.
 */
class JdbcAttachments implements Attachments {

    static final String OBJECT_TYPE = "ATTACHMENT";
    /** The deleter recorded for an erasure by the system (no account). */
    static final UUID SYSTEM = new UUID(0, 0);

    private static final String COLUMNS = """
            a.id, a.county_code, a.region_code, a.owner_type, a.owner_id, a.kind, a.file_name, a.size_bytes,
            a.width, a.height, a.content_address, a.thumbnail_address, a.uploaded_by, a.uploaded_at""";

    private final JdbcClient jdbc;
    private final SealedBlobs blobs;
    private final ContentInspection inspection;
    private final AccessPolicies policies;
    private final AuditLog audit;
    private final Clock clock;
    private final ErasedContent erased;

    JdbcAttachments(JdbcClient jdbc, SealedBlobs blobs, ContentInspection inspection, AccessPolicies policies,
            AuditLog audit, Clock clock, ErasedContent erased) {
        this.erased = erased;
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.inspection = inspection;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** A stored row: the attachment and where its bytes lie. */
    private record Row(Attachment attachment, String countyCode, String regionCode, String contentAddress,
            @Nullable String thumbnailAddress) {
    }

    @Override
    @Transactional
    public Attachment store(Actor actor, AttachedTo owner, String fileName, byte[] content) {
        String region = mayChange(actor, owner);
        ContentInspection.Inspected file = inspection.inspect(fileName, content);
        String contentAddress = blobs.seal(file.served());
        String thumbnailAddress = file.thumbnail() == null ? null : blobs.seal(file.thumbnail());
        AttachmentId id = new AttachmentId(UUID.randomUUID());
        Instant now = clock.instant();
        jdbc.sql("""
                insert into attachments.attachments (county_code, id, region_code, owner_type, owner_id, kind, file_name,
                    size_bytes, width, height, content_address, thumbnail_address, uploaded_by, uploaded_at)
                values (:county, :id, :region, :type, :owner, :kind, :name, :size, :width, :height, :content, :thumbnail,
                    :by, :at)""")
                .param("county", region.substring(0, 6)).param("id", id.value()).param("region", region)
                .param("type", owner.objectType()).param("owner", owner.objectId()).param("kind", file.kind().name())
                .param("name", file.fileName()).param("size", (long) file.served().length)
                .param("width", file.width()).param("height", file.height())
                .param("content", contentAddress).param("thumbnail", thumbnailAddress)
                .param("by", actor.id()).param("at", Timestamp.from(now)).update();
        audit.record(AuditEvent.success("ATTACHMENT_UPLOAD", OBJECT_TYPE, id.toString(), region)
                .withDetail(describe(owner, file.kind())));
        return new Attachment(id, owner, file.kind(), file.fileName(), file.served().length, file.width(), file.height(),
                thumbnailAddress != null, actor.id(), now);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Attachment> list(Actor actor, AttachedTo owner) {
        String region = policies.of(owner.objectType()).mayView(actor, owner.objectId())
                .orElseThrow(JdbcAttachments::ownerNotFound);
        SqlPredicate visible = policies.visible(actor, "a");
        List<Attachment> found = jdbc.sql("select " + COLUMNS + " from attachments.attachments a"
                        + " where a.owner_type = :type and a.owner_id = :owner and a.deleted_at is null and " + visible.sql()
                        + " order by a.uploaded_at desc, a.id limit 200")
                .params(visible.params()).param("type", owner.objectType()).param("owner", owner.objectId())
                .query(JdbcAttachments::row).list().stream().map(Row::attachment).toList();
        audit.recordAccess(AuditEvent.success("ATTACHMENT_LIST", OBJECT_TYPE, null, region)
                .withDetail(describe(owner, null) + " ×" + found.size()));
        return found;
    }

    @Override
    public boolean mayAttach(Actor actor, AttachedTo owner) {
        AttachmentAccess access = policies.of(owner.objectType());
        return access.mayView(actor, owner.objectId()).isPresent() && access.mayAttach(actor, owner.objectId());
    }

    @Override
    @Transactional(readOnly = true)
    public AttachmentContent open(Actor actor, AttachmentId id) {
        Row row = visibleRow(actor, id);
        byte[] bytes = blobs.open(row.contentAddress());
        audit.recordAccess(AuditEvent.success("ATTACHMENT_READ", OBJECT_TYPE, id.toString(), row.regionCode())
                .withDetail(Messages.text("attachments.audit.content")));
        Attachment a = row.attachment();
        return new AttachmentContent(a.fileName(), a.kind().mediaType(), bytes, a.kind().image());
    }

    @Override
    @Transactional(readOnly = true)
    public AttachmentContent openThumbnail(Actor actor, AttachmentId id) {
        Row row = visibleRow(actor, id);
        if (row.thumbnailAddress() == null) {
            throw DomainException.notFound(Messages.text("attachments.object.thumbnail"));
        }
        byte[] bytes = blobs.open(row.thumbnailAddress());
        audit.recordAccess(AuditEvent.success("ATTACHMENT_READ", OBJECT_TYPE, id.toString(), row.regionCode())
                .withDetail(Messages.text("attachments.audit.thumbnail")));
        String name = row.attachment().fileName();
        return new AttachmentContent(name.replaceFirst("(\\.[^.]+)?$", "-thumbnail.jpg"), AttachmentKind.JPEG.mediaType(),
                bytes, true);
    }

    @Override
    @Transactional
    public void delete(Actor actor, AttachmentId id) {
        Row row = visibleRow(actor, id);
        AttachedTo owner = row.attachment().owner();
        if (!policies.of(owner.objectType()).mayAttach(actor, owner.objectId())) {
            throw DomainException.forbidden(Messages.text("attachments.action.delete"));
        }
        jdbc.sql("""
                update attachments.attachments set deleted_at = :at, deleted_by = :by
                where county_code = :county and id = :id and deleted_at is null""")
                .param("at", Timestamp.from(clock.instant())).param("by", actor.id())
                .param("county", row.countyCode()).param("id", id.value()).update();
        audit.record(AuditEvent.success("ATTACHMENT_DELETE", OBJECT_TYPE, id.toString(), row.regionCode())
                .withDetail(describe(owner, row.attachment().kind())));
    }

    @Override
    @Transactional
    public int erase(AttachedTo owner) {
        record Erased(String region, String content, @Nullable String thumbnail) {
        }
        List<Erased> rows = jdbc.sql("""
                update attachments.attachments set erased_at = :at, file_name = '',
                    deleted_at = coalesce(deleted_at, :at), deleted_by = coalesce(deleted_by, :system)
                where owner_type = :type and owner_id = :id and erased_at is null
                returning region_code, content_address, thumbnail_address""")
                .param("at", Timestamp.from(clock.instant())).param("system", SYSTEM)
                .param("type", owner.objectType()).param("id", owner.objectId())
                .query((rs, n) -> new Erased(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<String> addresses = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.content(), r.thumbnail()))
                .filter(java.util.Objects::nonNull).toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                erased.drop(addresses);
            }
        });
        audit.record(AuditEvent.success("ATTACHMENT_ERASE", OBJECT_TYPE, describe(owner, null), rows.getFirst().region())
                .byActor("system").withDetail(Messages.text("attachments.erased-detail", rows.size())));
        return rows.size();
    }

    /** The owner's region when the actor may see it and change its attachments; not found or forbidden otherwise. */
    private String mayChange(Actor actor, AttachedTo owner) {
        AttachmentAccess access = policies.of(owner.objectType());
        String region = access.mayView(actor, owner.objectId()).orElseThrow(JdbcAttachments::ownerNotFound);
        if (!access.mayAttach(actor, owner.objectId())) {
            throw DomainException.forbidden(Messages.text("attachments.action.attach"));
        }
        if (region.length() < 12 || !region.chars().allMatch(Character::isDigit)) {
            throw new IllegalStateException("AttachmentAccess for " + owner.objectType() + " gave no region code");
        }
        return region;
    }

    /** Inside the region predicate of its owner type, and its owner still visible to the actor by the owner's rule. */
    private Row visibleRow(Actor actor, AttachmentId id) {
        SqlPredicate visible = policies.visible(actor, "a");
        Row row = jdbc.sql("select " + COLUMNS + " from attachments.attachments a where a.id = :id and a.deleted_at is null and "
                        + visible.sql())
                .params(visible.params()).param("id", id.value()).query(JdbcAttachments::row).optional()
                .orElseThrow(JdbcAttachments::attachmentNotFound);
        AttachedTo owner = row.attachment().owner();
        if (policies.of(owner.objectType()).mayView(actor, owner.objectId()).isEmpty()) {
            throw attachmentNotFound();
        }
        return row;
    }

    private static String describe(AttachedTo owner, @Nullable AttachmentKind kind) {
        return owner.objectType() + ":" + owner.objectId() + (kind == null ? "" : " " + kind.name());
    }

    private static DomainException ownerNotFound() {
        return DomainException.notFound(Messages.text("attachments.object.owner"));
    }

    private static DomainException attachmentNotFound() {
        return DomainException.notFound(Messages.text("attachments.object.attachment"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Attachment attachment = new Attachment(new AttachmentId(rs.getObject("id", UUID.class)),
                new AttachedTo(rs.getString("owner_type"), rs.getString("owner_id")),
                AttachmentKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getLong("size_bytes"),
                (Integer) rs.getObject("width"), (Integer) rs.getObject("height"), rs.getString("thumbnail_address") != null,
                rs.getObject("uploaded_by", UUID.class), rs.getTimestamp("uploaded_at").toInstant());
        return new Row(attachment, rs.getString("county_code"), rs.getString("region_code"), rs.getString("content_address"),
                rs.getString("thumbnail_address"));
    }
}
