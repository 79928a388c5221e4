package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up to activities (报名): a slot, or a waitlist place when the slots are taken; cancelling before
 * the cut-off hands the slot straight to the first on the waitlist. Check-in enrols a volunteer who
 * scans without having signed up ({@link CheckIns}).
 */
@Service
public class Enrolments {

    /** What enrolling gave: a slot or a place on the waitlist. */
    public enum Enrolment { ENROLLED, WAITLISTED }

    private final JdbcClient jdbc;
    private final Activities activities;
    private final Volunteers volunteers;
    private final AuditLog audit;
    private final Clock clock;

    Enrolments(JdbcClient jdbc, Activities activities, Volunteers volunteers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.volunteers = volunteers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The volunteer takes a slot, or a waitlist place when the slots are taken. */
    @Transactional
    public Enrolment enrol(Actor actor, UUID activityId) {
        Volunteers.Ref me = activities.self(actor);
        Activities.ActivityView a = openTo(actor, me, activityId);
        Enrolment result = enrol(a, me.id());
        audit.record(AuditEvent.success("ACTIVITY_ENROL", "ACTIVITY", activityId.toString(), a.regionCode())
                .withDetail(result.name()));
        return result;
    }

    private Activities.ActivityView openTo(Actor actor, Volunteers.Ref me, UUID activityId) {
        Activities.ActivityView a = activities.find(activityId, ScopeFilter.predicate(actor, Permission.VOLUNTEER_SELF, "a.county_code", "a.region_code"))
                .orElseThrow(Activities::notFound);
        if (!a.status().equals("OPEN") || !a.endsAt().isAfter(clock.instant())) {
            throw DomainException.conflict(ProblemType.ACTIVITY_CLOSED, "activity", Messages.text("volunteering.activity.closed"));
        }
        if (a.teamOnly() && !jdbc.sql("select " + Activities.TEAM_MEMBER.replace("a.county_code", ":county").replace("a.team_id", ":team"))
                .param("county", a.countyCode()).param("team", a.teamId()).param("me", me.id()).query(Boolean.class).single()) {
            throw DomainException.conflict(ProblemType.ACTIVITY_CLOSED, "activity", Messages.text("volunteering.activity.team-only"));
        }
        return a;
    }

    /**
     * Takes a free slot row (claimed with {@code SKIP LOCKED}, so concurrent enrolments of one activity
     * do not queue on one row), or a waitlist place when every slot is held. The enrolment row is
     * written first: its primary key serialises two scans of the same volunteer, never two volunteers.
     */
    Enrolment enrol(Activities.ActivityView a, UUID volunteerId) {
        Optional<Enrolment> current = enrolment(a, volunteerId);
        if (current.isPresent()) {
            return current.get();
        }
        int inserted = jdbc.sql("""
                insert into volunteering.enrolments (county_code, activity_id, volunteer_id, status, enrolled_at)
                values (:county, :activity, :volunteer, 'WAITLISTED', :at) on conflict do nothing""")
                .param("county", a.countyCode()).param("activity", a.id()).param("volunteer", volunteerId)
                .param("at", Times.ts(clock.instant())).update();
        if (inserted == 0) {
            String status = jdbc.sql("""
                    select status from volunteering.enrolments where county_code = :county and activity_id = :activity
                      and volunteer_id = :volunteer for update""").param("county", a.countyCode())
                    .param("activity", a.id()).param("volunteer", volunteerId).query(String.class).single();
            if (!status.equals("CANCELLED")) {
                return Enrolment.valueOf(status);
            }
        }
        Enrolment result = claimSlot(a, volunteerId) ? Enrolment.ENROLLED : Enrolment.WAITLISTED;
        jdbc.sql("""
                update volunteering.enrolments set status = :status, enrolled_at = :at
                where county_code = :county and activity_id = :activity and volunteer_id = :volunteer""")
                .param("county", a.countyCode()).param("activity", a.id()).param("volunteer", volunteerId)
                .param("status", result.name()).param("at", Times.ts(clock.instant())).update();
        return result;
    }

    private static final String CLAIM = """
            update volunteering.activity_slots set volunteer_id = :volunteer
            where (county_code, activity_id, slot_no) = (
                select county_code, activity_id, slot_no from volunteering.activity_slots
                where county_code = :county and activity_id = :activity and volunteer_id is null
                order by slot_no limit 1 for update%s)""";

    /**
     * Skips the slots other enrolments hold locked; only when none is left does it wait for them, as
     * one of them may roll back and free its slot (Postgres then rechecks the row and moves on).
     */
    private boolean claimSlot(Activities.ActivityView a, UUID volunteerId) {
        for (String mode : List.of(" skip locked", "")) {
            int rows = jdbc.sql(CLAIM.formatted(mode)).param("county", a.countyCode()).param("activity", a.id())
                    .param("volunteer", volunteerId).update();
            if (rows == 1) {
                return true;
            }
        }
        return false;
    }

    private Optional<Enrolment> enrolment(Activities.ActivityView a, UUID volunteerId) {
        return jdbc.sql("""
                select status from volunteering.enrolments where county_code = :county and activity_id = :activity
                  and volunteer_id = :volunteer and status <> 'CANCELLED'""").param("county", a.countyCode())
                .param("activity", a.id()).param("volunteer", volunteerId).query(String.class).optional()
                .map(Enrolment::valueOf);
    }

    /** Gives the slot back before the cut-off; the first on the waitlist takes it. */
    @Transactional
    public void cancel(Actor actor, UUID activityId) {
        Volunteers.Ref me = activities.self(actor);
        Activities.ActivityView a = openTo(actor, me, activityId);
        if (clock.instant().isAfter(a.cancelCutoff())) {
            throw DomainException.conflict(ProblemType.ACTIVITY_CLOSED, "activity", Messages.text("volunteering.activity.cutoff-passed"));
        }
        // cancellations of one activity queue on its row, so two never hand a slot to the same waitlisted
        activities.lock(a);
        String was = jdbc.sql("""
                select status from volunteering.enrolments where county_code = :county and activity_id = :activity
                  and volunteer_id = :volunteer and status <> 'CANCELLED' for update""")
                .param("county", a.countyCode()).param("activity", a.id()).param("volunteer", me.id())
                .query(String.class).optional()
                .orElseThrow(() -> DomainException.conflict(ProblemType.ACTIVITY_CLOSED, "activity",
                        Messages.text("volunteering.activity.not-enrolled")));
        jdbc.sql("""
                update volunteering.enrolments set status = 'CANCELLED' where county_code = :county and activity_id = :activity
                  and volunteer_id = :volunteer""")
                .param("county", a.countyCode()).param("activity", a.id()).param("volunteer", me.id()).update();
        if (was.equals("ENROLLED")) {
            // the slot passes straight to the first on the waitlist (or is freed), so no newcomer slips in between
            Optional<UUID> next = jdbc.sql("""
                    select volunteer_id from volunteering.enrolments where county_code = :county and activity_id = :activity
                      and status = 'WAITLISTED' order by enrolled_at, volunteer_id limit 1 for update""")
                    .param("county", a.countyCode()).param("activity", a.id()).query(UUID.class).optional();
            jdbc.sql("""
                    update volunteering.activity_slots set volunteer_id = :next
                    where county_code = :county and activity_id = :activity and volunteer_id = :volunteer""")
                    .param("next", next.orElse(null)).param("county", a.countyCode()).param("activity", a.id())
                    .param("volunteer", me.id()).update();
            next.ifPresent(n -> jdbc.sql("""
                    update volunteering.enrolments set status = 'ENROLLED' where county_code = :county
                      and activity_id = :activity and volunteer_id = :next""")
                    .param("county", a.countyCode()).param("activity", a.id()).param("next", n).update());
        }
        audit.record(AuditEvent.success("ACTIVITY_CANCEL_ENROLMENT", "ACTIVITY", activityId.toString(), a.regionCode()));
    }

    /** The volunteer's own enrolment status of an activity, if any. */
    @Transactional(readOnly = true)
    public Optional<String> enrolmentOf(Actor actor, UUID activityId) {
        return volunteers.refOfUser(actor.id()).flatMap(me -> jdbc.sql("""
                select status from volunteering.enrolments where activity_id = :activity and volunteer_id = :me""")
                .param("activity", activityId).param("me", me.id()).query(String.class).optional());
    }
}
