package cn.wushe.requests.internal;

import cn.wushe.attachments.AttachedTo;
import cn.wushe.attachments.Attachments;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.documents.Documents;
import cn.wushe.documents.IssuedDocument;
import cn.wushe.documents.PrintedContent;
import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * What happens to a matter after routing: the one 一次告知 return (every problem at once, an inbox
 * notice and a PDF with QR code, the clock paused), the resubmission, closing with a result, the
 * resident's rating and single reopening, and staff's follow-up calls (回访).
 */
@Component
public class MatterOutcome {

    /** One problem of a return: the material (its code, or {@code other}) and what is wrong with it. */
    public record Problem(@Nullable String material, @Nullable String problem) {
    }

    private final Matters matters;
    private final MatterScope scope;
    private final MatterRouting routing;
    private final MatterClock matterClock;
    private final Catalogue catalogue;
    private final Documents documents;
    private final Attachments attachments;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    MatterOutcome(Matters matters, MatterScope scope, MatterRouting routing, MatterClock matterClock, Catalogue catalogue,
            Documents documents, Attachments attachments, FieldCipher cipher, JdbcClient jdbc, ObjectMapper json,
            AuditLog audit, Clock clock) {
        this.matters = matters;
        this.scope = scope;
        this.routing = routing;
        this.matterClock = matterClock;
        this.catalogue = catalogue;
        this.documents = documents;
        this.attachments = attachments;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** 一次告知: every missing or defective material at once; a second return is refused. */
    @Transactional
    public Matter returnForMaterials(Actor actor, UUID id, List<Problem> problems, @Nullable String note) {
        Matter m = routing.handled(actor, id);
        CatalogueItem item = catalogue.version(m.countyCode, m.itemId).orElseThrow();
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            String what = p.material() == null ? null : item.materials().stream().filter(x -> x.code().equals(p.material()))
                    .map(CatalogueItem.Material::name).findFirst()
                    .orElse("other".equals(p.material()) ? Messages.text("requests.return.other") : null);
            String text = Text.trimToNull(p.problem());
            if (what == null) {
                errors.put("problems[" + i + "].material", Messages.text("requests.return.material-unknown"));
            } else if (text == null || text.length() > 200) {
                errors.put("problems[" + i + "].problem", Messages.text("requests.return.problem-required", what));
            } else {
                named.put(what, text);
            }
        }
        if (named.isEmpty() && errors.isEmpty()) {
            errors.put("problems", Messages.text("requests.return.problems-required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        m.returnForMaterials(m.unitId, now, matterClock.workingDaysLeft(now, m.dueAt, m.countyCode));
        matters.update(m);
        List<Map<String, String>> stored = new ArrayList<>();
        named.forEach((material, problem) -> stored.add(Map.of("material", material, "problem", problem)));
        String applicant = jdbc.sql("select applicant_name from requests.matters where county_code = :county and id = :id")
                .param("county", m.countyCode).param("id", m.id).query(String.class).single();
        IssuedDocument pdf = documents.issue(actor, RequestsNoticeKinds.TOLD_ONCE, m.regionCode,
                PublicClaims.about(cipher.decrypt(applicant), List.of(Messages.text("requests.return.claim", m.number, item.name())),
                        matterClock.unitName(m.unitId), m.regionCode, null),
                new PrintedContent(cipher.decrypt(applicant), paragraphs(m, item, named, note), List.of(
                        new PrintedContent.Particular(Messages.text("requests.field.number"), m.number),
                        new PrintedContent.Particular(Messages.text("requests.field.item"), item.name()))));
        attachments.store(actor, new AttachedTo(MatterIntake.OBJECT_TYPE, m.id.toString()), pdf.fileName(RequestsNoticeKinds.TOLD_ONCE), pdf.pdf());
        jdbc.sql("""
                insert into requests.matter_returns (county_code, matter_id, problems, note, returned_at, returned_by, unit_id,
                    document_serial) values (:county, :matter, cast(:problems as jsonb), :note, :at, :by, :unit, :serial)
                """).param("county", m.countyCode).param("matter", m.id).param("problems", json.writeValueAsString(stored))
                .param("note", Text.trimToNull(note)).param("at", Matters.ts(now)).param("by", actor.id())
                .param("unit", m.unitId).param("serial", pdf.serial()).update();
        matters.event(m, now, TimelineKind.RETURNED, actor.id(), actor.displayName(), m.unitId, null, String.join("；", named.keySet()));
        matterClock.stopped(m);
        matterClock.notifyApplicant(m, News.RETURNED);
        audit.record(AuditEvent.success("MATTER_RETURN", "MATTER", m.id.toString(), m.regionCode)
                .withDetail(m.number + " " + named.size()));
        return m;
    }

    private static List<String> paragraphs(Matter m, CatalogueItem item, Map<String, String> named, @Nullable String note) {
        List<String> lines = new ArrayList<>();
        lines.add(Messages.text("requests.return.intro", m.number, item.name()));
        int n = 1;
        for (Map.Entry<String, String> e : named.entrySet()) {
            lines.add(Messages.text("requests.return.line", n++, e.getKey(), e.getValue()));
        }
        if (Text.trimToNull(note) != null) {
            lines.add(note.strip());
        }
        lines.add(Messages.text("requests.return.outro"));
        return lines;
    }

    /** The resident (or staff on their behalf) brings what was missing: the clock runs again with the days that were left. */
    @Transactional
    public Matter resubmit(Actor actor, UUID id, Map<String, MatterIntake.Upload> files, @Nullable String note) {
        Matter m = matters.lock(id, scope.visible(actor))
                .orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.matter")));
        boolean own = actor.id().equals(m.applicantUserId) || actor.id().equals(m.submittedBy);
        if (!own && !scope.handlesFor(actor, m.unitId)) {
            throw DomainException.forbidden(Messages.text("requests.matter.resubmit"));
        }
        Instant now = clock.instant();
        int left = m.remainingDays == null ? 1 : Math.max(m.remainingDays, 1);
        Instant due = matterClock.addWorkingDays(now, left, m.countyCode);
        m.resubmit(due, due.isBefore(m.levelDueAt) ? m.levelDueAt : due);
        matters.update(m);
        AttachedTo owner = new AttachedTo(MatterIntake.OBJECT_TYPE, m.id.toString());
        files.forEach((code, file) -> {
            if (file.content().length > 0) {
                attachments.store(actor, owner, file.fileName(), file.content());
            }
        });
        jdbc.sql("update requests.matter_returns set resubmitted_at = :at where county_code = :county and matter_id = :id")
                .param("at", Matters.ts(now)).param("county", m.countyCode).param("id", m.id).update();
        matters.event(m, now, TimelineKind.RESUBMITTED, actor.id(), actor.displayName(), null, m.unitId, Text.trimToNull(note));
        matterClock.resumed(m);
        matterClock.notifyUnit(m, m.unitId, Permission.MATTER_HANDLE, RequestsNoticeKinds.RECEIVED, News.RESUBMITTED);
        audit.record(AuditEvent.success("MATTER_RESUBMIT", "MATTER", m.id.toString(), m.regionCode).withDetail(m.number));
        return m;
    }

    @Transactional
    public Matter close(Actor actor, UUID id, @Nullable String result) {
        return close(actor, id, result, List.of());
    }

    /**
     * 办结 with the result, and the result's documents (批复, 回执, photos of the work) attached to the
     * matter in the same transaction, so the resident sees them beside the result or nothing is closed.
     */
    @Transactional
    public Matter close(Actor actor, UUID id, @Nullable String result, List<MatterIntake.Upload> files) {
        Matter m = routing.handled(actor, id);
        Instant now = clock.instant();
        AttachedTo owner = new AttachedTo(MatterIntake.OBJECT_TYPE, m.id.toString());
        List<String> attached = files.stream().filter(f -> f.content().length > 0)
                .map(f -> attachments.store(actor, owner, f.fileName(), f.content()).fileName()).toList();
        m.close(m.unitId, result, now);
        matters.update(m);
        String shown = attached.isEmpty() ? m.result
                : Messages.text("requests.close.with-files", m.result == null ? "" : m.result, String.join("、", attached));
        matters.event(m, now, TimelineKind.CLOSED, actor.id(), actor.displayName(), m.unitId, null, shown);
        matterClock.stopped(m);
        matterClock.notifyApplicant(m, News.CLOSED);
        audit.record(AuditEvent.success("MATTER_CLOSE", "MATTER", m.id.toString(), m.regionCode).withDetail(m.number));
        return m;
    }

    /** 不予办理 after the one return, with the reason; the resident is told and may rate or reopen as after a close. */
    @Transactional
    public Matter reject(Actor actor, UUID id, @Nullable String reason) {
        Matter m = routing.handled(actor, id);
        Instant now = clock.instant();
        m.reject(m.unitId, reason, now);
        matters.update(m);
        matters.event(m, now, TimelineKind.REJECTED, actor.id(), actor.displayName(), m.unitId, null, m.result);
        matterClock.stopped(m);
        matterClock.notifyApplicant(m, News.REJECTED);
        audit.record(AuditEvent.success("MATTER_REJECT", "MATTER", m.id.toString(), m.regionCode).withDetail(m.number));
        return m;
    }

    /** The applicant's own rating; another's matter is not found. */
    @Transactional
    public Matter rate(Actor actor, UUID id, int stars, @Nullable String comment) {
        Matter m = own(actor, id);
        Instant now = clock.instant();
        m.rate(stars, comment, now);
        matters.update(m);
        matters.event(m, now, TimelineKind.RATED, actor.id(), actor.displayName(), null, null, String.valueOf(stars));
        audit.record(AuditEvent.success("MATTER_RATE", "MATTER", m.id.toString(), m.regionCode).withDetail(m.number + " " + stars));
        return m;
    }

    /** The unsatisfied applicant reopens once: back to the closing unit with that level's days. */
    @Transactional
    public Matter reopen(Actor actor, UUID id, @Nullable String reason) {
        Matter m = own(actor, id);
        if (Text.trimToNull(reason) == null) {
            throw DomainException.invalid("reason", Messages.text("requests.reopen.reason-required"));
        }
        Instant now = clock.instant();
        int days = catalogue.version(m.countyCode, m.itemId).map(i -> i.daysAt(m.level)).orElse(1);
        m.reopen(now, matterClock.addWorkingDays(now, days, m.countyCode));
        matters.update(m);
        matters.event(m, now, TimelineKind.REOPENED, actor.id(), actor.displayName(), null, m.unitId, reason.strip());
        matterClock.resumed(m);
        matterClock.notifyUnit(m, m.unitId, Permission.MATTER_HANDLE, RequestsNoticeKinds.RECEIVED, News.REOPENED);
        audit.record(AuditEvent.success("MATTER_REOPEN", "MATTER", m.id.toString(), m.regionCode).withDetail(m.number));
        return m;
    }

    /** 回访: a call to the applicant by staff who handled it; a rating given by phone counts as the resident's. */
    @Transactional
    public Matter followUp(Actor actor, UUID id, @Nullable String note, @Nullable Integer phoneRating) {
        Matter m = matters.lock(id, scope.visible(actor))
                .orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.matter")));
        if (!actor.can(Permission.MATTER_HANDLE) && !actor.can(Permission.MATTER_SUPERVISE)) {
            throw DomainException.forbidden(Messages.text("requests.matter.follow-up"));
        }
        String text = Text.trimToNull(note);
        if (text == null || text.length() > 500) {
            throw DomainException.invalid("note", Messages.text("requests.follow-up.note-required"));
        }
        Instant now = clock.instant();
        if (phoneRating != null) {
            m.rate(phoneRating, text, now);
            matters.update(m);
        }
        jdbc.sql("insert into requests.follow_ups (county_code, matter_id, at, by_user, satisfied, note) values (:county, :id, :at, :by, :satisfied, :note)")
                .param("county", m.countyCode).param("id", m.id).param("at", Matters.ts(now)).param("by", actor.id())
                .param("satisfied", phoneRating == null ? null : phoneRating > Matter.UNSATISFIED_AT_MOST)
                .param("note", text).update();
        matters.event(m, now, TimelineKind.FOLLOW_UP, actor.id(), actor.displayName(), null, null,
                phoneRating == null ? text : Messages.text("requests.timeline.phone-rating", phoneRating, text));
        audit.record(AuditEvent.success("MATTER_FOLLOW_UP", "MATTER", m.id.toString(), m.regionCode).withDetail(m.number));
        return m;
    }

    private Matter own(Actor actor, UUID id) {
        Matter m = matters.lock(id, scope.visible(actor))
                .filter(x -> actor.id().equals(x.applicantUserId))
                .orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.matter")));
        return m;
    }
}
