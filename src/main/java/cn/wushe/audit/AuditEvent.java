package cn.wushe.audit;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, as the audit log keeps it.
 *
 * @param action       stable action code, e.g. {@code LOGIN}, {@code GRID_CREATE}, {@code PERSON_UNMASK}
 * @param objectType   e.g. {@code USER}, {@code GRID}, {@code PERSON}; {@code null} for none
 * @param objectId     the object's identifier (never personal data such as an identity number)
 * @param objectRegion the region code the object belongs to, for scope and the per-county chain
 * @param outcome      success, failure or denied
 * @param reason       the reason the user stated (e.g. for revealing a masked field)
 * @param detail       short free text (before/after of a change), never personal data in clear
 * @param actorName    overrides the current user's name when there is none (failed login)
 */
public record AuditEvent(String action, @Nullable String objectType, @Nullable String objectId,
        @Nullable String objectRegion, Outcome outcome, @Nullable String reason, @Nullable String detail,
        @Nullable String actorName) {

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    public AuditEvent {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an action code");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("an audit event needs an outcome");
        }
    }

    public static AuditEvent success(String action, @Nullable String objectType, @Nullable String objectId,
            @Nullable String objectRegion) {
        return new AuditEvent(action, objectType, objectId, objectRegion, Outcome.SUCCESS, null, null, null);
    }

    public AuditEvent withDetail(@Nullable String newDetail) {
        return new AuditEvent(action, objectType, objectId, objectRegion, outcome, reason, newDetail, actorName);
    }

    public AuditEvent withReason(@Nullable String newReason) {
        return new AuditEvent(action, objectType, objectId, objectRegion, outcome, newReason, detail, actorName);
    }

    public AuditEvent withOutcome(Outcome newOutcome) {
        return new AuditEvent(action, objectType, objectId, objectRegion, newOutcome, reason, detail, actorName);
    }

    public AuditEvent byActor(@Nullable String name) {
        return new AuditEvent(action, objectType, objectId, objectRegion, outcome, reason, detail, name);
    }
}
