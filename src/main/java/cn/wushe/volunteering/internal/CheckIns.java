package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Signatures;
import cn.wushe.platform.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in and check-out (签到/签退) by the activity's signed QR code: the code's signature, the window
 * (with margins) and the geofence decide; only the distance and the reported accuracy are stored.
 * One row per volunteer and occurrence: a repeated scan shows the check-in, a scan after the
 * earliest leave time checks out.
 */
@Service
public class CheckIns {

    static final String PURPOSE = "volunteering-check-in";
    /** How early before the start a volunteer may check in. */
    static final Duration EARLY_MARGIN = Duration.ofMinutes(30);
    /** How long after the end a check-out is still taken. */
    static final Duration LATE_MARGIN = Duration.ofMinutes(60);
    /** A second scan this soon after the check-in only shows it (a double tap is no check-out). */
    static final Duration EARLIEST_LEAVE = Duration.ofMinutes(30);

    /** What a scan did. */
    public enum Outcome { CHECKED_IN, ALREADY_CHECKED_IN, CHECKED_OUT, ALREADY_CHECKED_OUT }

    public record Result(Outcome outcome, Instant checkedInAt, @Nullable Instant checkedOutAt, int distanceM,
            String activityTitle) {

        public String outcomeLabel() {
            return Labels.of("outcome", outcome.name());
        }
    }

    /** A position as the phone reported it; never stored. */
    public record Position(@Nullable Double lat, @Nullable Double lng, @Nullable Double accuracyM) {
    }

    public record AttendanceView(UUID volunteerId, String realName, Instant checkedInAt, @Nullable Instant checkedOutAt,
            @Nullable Integer distanceM, boolean byOrganizer) {
    }

    private final JdbcClient jdbc;
    private final Signatures signatures;
    private final Activities activities;
    private final Enrolments enrolments;
    private final AuditLog audit;
    private final Clock clock;

    CheckIns(JdbcClient jdbc, Signatures signatures, Activities activities, Enrolments enrolments, AuditLog audit, Clock clock) {
        this.enrolments = enrolments;
        this.jdbc = jdbc;
        this.signatures = signatures;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signature the activity's QR code carries ({@code /volunteering/check-in/<id>?s=<signature>}). */
    public String signature(UUID activityId) {
        return signatures.sign(PURPOSE, activityId.toString());
    }

    /** The organizer's view of the code: only for an activity they organize. */
    @Transactional(readOnly = true)
    public String codeFor(Actor actor, UUID activityId) {
        activities.managedOrRefuse(actor, activityId);
        return "/volunteering/check-in/" + activityId + "?s=" + signature(activityId);
    }

    /** A volunteer's scan: checks in, shows the check-in again, or checks out. */
    @Transactional
    public Result scan(Actor actor, UUID activityId, @Nullable String signature, Position position) {
        if (signature == null || !signatures.verify(PURPOSE, activityId.toString(), signature)) {
            throw refused("volunteering.check-in.code-invalid");
        }
        Volunteers.Ref me = activities.self(actor);
        Activities.ActivityView a = activities.find(activityId,
                        ScopeFilter.predicate(actor, Permission.VOLUNTEER_SELF, "a.county_code", "a.region_code"))
                .orElseThrow(Activities::notFound);
        Instant now = clock.instant();
        if (!a.status().equals("OPEN")) {
            throw refused("volunteering.check-in.closed");
        }
        if (now.isBefore(a.startsAt().minus(EARLY_MARGIN))) {
            throw refused("volunteering.check-in.too-early", Times.CHINA_TIME.format(a.startsAt().minus(EARLY_MARGIN)));
        }
        if (now.isAfter(a.endsAt().plus(LATE_MARGIN))) {
            throw refused("volunteering.check-in.expired");
        }
        int distance = distance(a, position);
        Optional<Attendance> existing = attendance(a.countyCode(), a.id(), me.id());
        if (existing.isEmpty()) {
            if (now.isAfter(a.endsAt())) {
                throw refused("volunteering.check-in.expired");
            }
            Enrolments.Enrolment enrolment = enrolments.enrol(a, me.id());
            if (enrolment != Enrolments.Enrolment.ENROLLED) {
                throw DomainException.conflict(ProblemType.ACTIVITY_FULL, "activity", Messages.text("volunteering.activity.full"));
            }
            int rows = jdbc.sql("""
                    insert into volunteering.attendances (county_code, activity_id, volunteer_id, checked_in_at,
                        check_in_distance_m, check_in_accuracy_m, recorded_by)
                    values (:county, :activity, :volunteer, :at, :distance, :accuracy, :by)
                    on conflict do nothing""")
                    .param("county", a.countyCode()).param("activity", a.id()).param("volunteer", me.id())
                    .param("at", Times.ts(now)).param("distance", distance).param("accuracy", accuracy(position))
                    .param("by", actor.id()).update();
            if (rows == 1) {
                audit.record(AuditEvent.success("CHECK_IN", "ACTIVITY", a.id().toString(), a.regionCode()));
                return new Result(Outcome.CHECKED_IN, now, null, distance, a.title());
            }
            existing = attendance(a.countyCode(), a.id(), me.id());
        }
        Attendance at = existing.orElseThrow();
        if (at.checkedOutAt() != null) {
            return new Result(Outcome.ALREADY_CHECKED_OUT, at.checkedInAt(), at.checkedOutAt(), distance, a.title());
        }
        if (now.isBefore(at.checkedInAt().plus(EARLIEST_LEAVE))) {
            return new Result(Outcome.ALREADY_CHECKED_IN, at.checkedInAt(), null, distance, a.title());
        }
        int rows = jdbc.sql("""
                update volunteering.attendances set checked_out_at = :at, check_out_distance_m = :distance
                where county_code = :county and activity_id = :activity and volunteer_id = :volunteer and checked_out_at is null""")
                .param("at", Times.ts(now)).param("distance", distance).param("county", a.countyCode())
                .param("activity", a.id()).param("volunteer", me.id()).update();
        if (rows == 1) {
            audit.record(AuditEvent.success("CHECK_OUT", "ACTIVITY", a.id().toString(), a.regionCode()));
            return new Result(Outcome.CHECKED_OUT, at.checkedInAt(), now, distance, a.title());
        }
        Attendance after = attendance(a.countyCode(), a.id(), me.id()).orElseThrow();
        return new Result(Outcome.ALREADY_CHECKED_OUT, after.checkedInAt(), after.checkedOutAt(), distance, a.title());
    }

    /** The organizer checks in someone without a phone; the reason is kept and audited. */
    @Transactional
    public void checkInFor(Actor actor, UUID activityId, UUID volunteerId, @Nullable String reason) {
        Activities.ActivityView a = activities.managedOrRefuse(actor, activityId);
        String why = Text.trimToNull(reason);
        if (why == null || why.length() > 200) {
            throw DomainException.invalid("reason", Messages.text("volunteering.check-in.reason-required"));
        }
        if (!a.status().equals("OPEN")) {
            throw DomainException.conflict(ProblemType.ACTIVITY_CLOSED, "activity", Messages.text("volunteering.check-in.closed"));
        }
        boolean sameCounty = jdbc.sql("select exists (select 1 from volunteering.volunteers where county_code = :county and id = :id)")
                .param("county", a.countyCode()).param("id", volunteerId).query(Boolean.class).single();
        if (!sameCounty) {
            throw DomainException.invalid("volunteerId", Messages.text("volunteering.volunteer.not-found"));
        }
        enrolments.enrol(a, volunteerId);
        Instant at = clock.instant().isBefore(a.startsAt()) ? a.startsAt() : clock.instant();
        jdbc.sql("""
                insert into volunteering.attendances (county_code, activity_id, volunteer_id, checked_in_at, by_organizer,
                    organizer_reason, recorded_by)
                values (:county, :activity, :volunteer, :at, true, :reason, :by)
                on conflict do nothing""")
                .param("county", a.countyCode()).param("activity", a.id()).param("volunteer", volunteerId)
                .param("at", Times.ts(at)).param("reason", why).param("by", actor.id()).update();
        audit.record(AuditEvent.success("CHECK_IN_BY_ORGANIZER", "ACTIVITY", a.id().toString(), a.regionCode())
                .withReason(why).withDetail(volunteerId.toString()));
    }

    /** Who checked in, for the organizer's confirmation list. */
    @Transactional(readOnly = true)
    public List<AttendanceView> attendances(Actor actor, UUID activityId) {
        Activities.ActivityView a = activities.managedOrRefuse(actor, activityId);
        return jdbc.sql("""
                select t.volunteer_id, v.real_name, t.checked_in_at, t.checked_out_at, t.check_in_distance_m, t.by_organizer
                from volunteering.attendances t join volunteering.volunteers v on v.county_code = t.county_code and v.id = t.volunteer_id
                where t.county_code = :county and t.activity_id = :activity order by t.checked_in_at, v.real_name""")
                .param("county", a.countyCode()).param("activity", a.id())
                .query((rs, n) -> new AttendanceView(rs.getObject(1, UUID.class), rs.getString(2), Times.required(rs, "checked_in_at"),
                        Times.instant(rs, "checked_out_at"), (Integer) rs.getObject(5), rs.getBoolean(6))).list();
    }

    record Attendance(Instant checkedInAt, @Nullable Instant checkedOutAt) {
    }

    Optional<Attendance> attendance(String county, UUID activity, UUID volunteer) {
        return jdbc.sql("""
                select checked_in_at, checked_out_at from volunteering.attendances
                where county_code = :county and activity_id = :activity and volunteer_id = :volunteer""")
                .param("county", county).param("activity", activity).param("volunteer", volunteer)
                .query((rs, n) -> new Attendance(Times.required(rs, "checked_in_at"), Times.instant(rs, "checked_out_at")))
                .optional();
    }

    private static int distance(Activities.ActivityView a, Position p) {
        if (p.lat() == null || p.lng() == null || Math.abs(p.lat()) > 90 || Math.abs(p.lng()) > 180) {
            throw refused("volunteering.check-in.position-required");
        }
        double d = Geofence.distance(a.venueLat(), a.venueLng(), p.lat(), p.lng());
        double accuracy = p.accuracyM() == null ? 0 : p.accuracyM();
        if (!Geofence.accepts(d, accuracy, a.radiusM())) {
            throw refused("volunteering.check-in.too-far", Math.round(d), a.radiusM());
        }
        return (int) Math.round(d);
    }

    private static @Nullable Integer accuracy(Position p) {
        return p.accuracyM() == null ? null : (int) Math.min(Math.round(Math.max(p.accuracyM(), 0)), 100_000);
    }

    private static DomainException refused(String key, Object... args) {
        return new DomainException(ProblemType.CHECK_IN_REFUSED, Messages.text(key, args),
                Map.of("code", Messages.text(key, args)));
    }
}
