package cn.wushe.requests.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The matters store: insert at intake, load for a transition (row locked), write the transition back guarded by the version. */
@Repository
public class Matters {

    /** The personal facts of an intake, encrypted by the caller. */
    record Applicant(String nameEnc, @Nullable String phoneEnc, @Nullable String phoneIndex, @Nullable UUID personId,
            @Nullable String proxyNameEnc, @Nullable String proxyRelation) {
    }

    /** How a material was provided: uploaded, or its original seen at the desk. */
    static final String ATTACHED = "ATTACHED";
    static final String SEEN_AT_DESK = "SEEN_AT_DESK";

    private final JdbcClient jdbc;

    Matters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A timeline line written with the intake (the matter, its actor and time are the intake's). */
    record IntakeEvent(TimelineKind kind, @Nullable UUID unitId, @Nullable UUID toUnitId, @Nullable String note) {
    }

    /** A material written with the intake. */
    record IntakeMaterial(String code, String name, String provision, @Nullable UUID attachmentId) {
    }

    /**
     * The intake in one statement: the next number of the county and year from its own sequence
     * (e.g. {@code 610527-2026-000042}), the matter, its first timeline lines and its materials;
     * sets {@code m.number}. One round trip where it took one per row (number, matter, each line,
     * each material).
     */
    void insert(Matter m, Applicant applicant, String description, @Nullable Double latitude, @Nullable Double longitude,
            UUID actorId, String actorName, List<IntakeEvent> events, List<IntakeMaterial> materials) {
        m.number = jdbc.sql("""
                with num as (
                    select :county || '-' || cast(:year as int) || '-' || lpad(v::text, greatest(6, length(v::text)), '0') as number
                    from requests.next_number(:county, cast(:year as int)) v),
                matter as (
                    insert into requests.matters (county_code, id, number, item_id, item_code, item_version, urgent, region_code,
                        channel, status, level, unit_id, applicant_user_id, submitted_by, applicant_name, applicant_phone,
                        applicant_phone_index, person_id, proxy_name, proxy_relation, description, latitude, longitude,
                        submitted_at, handed_at, sign_due_at, level_due_at, due_at, version)
                    select :county, :id, num.number, :item, :itemCode, :itemVersion, :urgent, :region, :channel, :status, :level,
                        :unit, :applicant, :submittedBy, :name, :phone, :phoneIndex, :person, :proxyName, :proxyRelation,
                        :description, :lat, :lng, :submittedAt, :handedAt, :signDue, :levelDue, :due, 0
                    from num
                    returning number),
                timeline as (
                    insert into requests.matter_events (county_code, matter_id, at, kind, actor_id, actor_name, unit_id, to_unit_id, note)
                    select :county, :id, :submittedAt, e.kind, :actor, :actorName, cast(e.unit as uuid), cast(e.to_unit as uuid), e.note
                    from unnest(cast(:eventKinds as text[]), cast(:eventUnits as text[]), cast(:eventToUnits as text[]),
                        cast(:eventNotes as text[])) with ordinality as e(kind, unit, to_unit, note, position)
                    order by e.position),
                material as (%s)
                select number from matter
                """.formatted(MATERIALS)).param("county", m.countyCode).param("year", m.submittedAt.atZone(MatterIntake.CHINA).getYear())
                .param("id", m.id).param("item", m.itemId)
                .param("itemCode", m.itemCode).param("itemVersion", m.itemVersion).param("urgent", m.urgent)
                .param("region", m.regionCode).param("channel", m.channel.name()).param("status", m.status.name())
                .param("level", m.level.name()).param("unit", m.unitId).param("applicant", m.applicantUserId)
                .param("submittedBy", m.submittedBy).param("name", applicant.nameEnc()).param("phone", applicant.phoneEnc())
                .param("phoneIndex", applicant.phoneIndex()).param("person", applicant.personId())
                .param("proxyName", applicant.proxyNameEnc()).param("proxyRelation", applicant.proxyRelation())
                .param("description", description).param("lat", latitude).param("lng", longitude)
                .param("submittedAt", ts(m.submittedAt)).param("handedAt", ts(m.handedAt)).param("signDue", ts(m.signDueAt))
                .param("levelDue", ts(m.levelDueAt)).param("due", ts(m.dueAt))
                .param("actor", actorId).param("actorName", actorName)
                .param("eventKinds", events.stream().map(e -> e.kind().name()).toArray(String[]::new))
                .param("eventUnits", events.stream().map(e -> text(e.unitId())).toArray(String[]::new))
                .param("eventToUnits", events.stream().map(e -> text(e.toUnitId())).toArray(String[]::new))
                .param("eventNotes", events.stream().map(IntakeEvent::note).toArray(String[]::new))
                .params(materialParams(materials)).query(String.class).single();
    }

    /** Materials of a matter in one statement (none: no statement). */
    void materials(Matter m, List<IntakeMaterial> materials) {
        if (materials.isEmpty()) {
            return;
        }
        jdbc.sql(MATERIALS).param("county", m.countyCode).param("id", m.id).params(materialParams(materials)).update();
    }

    /** Materials from arrays, one row per element: a whole intake's materials in one statement. */
    private static final String MATERIALS = """
            insert into requests.matter_materials (county_code, matter_id, code, name, provision, attachment_id)
            select :county, :id, x.code, x.name, x.provision, cast(x.attachment as uuid)
            from unnest(cast(:codes as text[]), cast(:names as text[]), cast(:provisions as text[]),
                cast(:attachments as text[])) as x(code, name, provision, attachment)
            on conflict (county_code, matter_id, code) do nothing
            """;

    private static Map<String, Object> materialParams(List<IntakeMaterial> materials) {
        return Map.of("codes", materials.stream().map(IntakeMaterial::code).toArray(String[]::new),
                "names", materials.stream().map(IntakeMaterial::name).toArray(String[]::new),
                "provisions", materials.stream().map(IntakeMaterial::provision).toArray(String[]::new),
                "attachments", materials.stream().map(x -> text(x.attachmentId())).toArray(String[]::new));
    }

    private static @Nullable String text(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }

    /** The matter, row-locked for a transition, when {@code visible} lets the caller see it. */
    Optional<Matter> lock(UUID id, SqlPredicate visible) {
        return jdbc.sql("select m.* from requests.matters m where m.id = :id and " + visible.sql() + " for update")
                .param("id", id).params(visible.params()).query(Matters::matter).optional();
    }

    /** The matter numbered {@code number}, row-locked, when {@code visible} lets the caller see it. */
    Optional<Matter> lockByNumber(String countyCode, String number, SqlPredicate visible) {
        return jdbc.sql("select m.* from requests.matters m where m.county_code = :county and m.number = :number and "
                + visible.sql() + " for update").param("county", countyCode).param("number", number)
                .params(visible.params()).query(Matters::matter).optional();
    }

    /** For the clock: the matter whatever its scope (a deadline fired, nobody is signed in). */
    Optional<Matter> lockForClock(String countyCode, UUID id) {
        return jdbc.sql("select m.* from requests.matters m where m.county_code = :county and m.id = :id for update")
                .param("county", countyCode).param("id", id).query(Matters::matter).optional();
    }

    void update(Matter m) {
        int updated = jdbc.sql("""
                update requests.matters set status = :status, level = :level, unit_id = :unit, from_unit_id = :fromUnit,
                    handed_at = :handedAt, sign_due_at = :signDue, signed_late = :signedLate, level_due_at = :levelDue,
                    due_at = :due, paused_at = :pausedAt, remaining_days = :remaining, returned = :returned,
                    warned = :warned, overdue = :overdue, closed_at = :closedAt, closing_unit_id = :closingUnit,
                    result = :result, closed_on_time = :onTime, rating = :rating, rating_comment = :ratingComment,
                    rated_at = :ratedAt, reopened = :reopened, rejected = :rejected, merged_into = :mergedInto, version = version + 1
                where county_code = :county and id = :id and version = :version
                """).param("status", m.status.name()).param("level", m.level.name()).param("unit", m.unitId)
                .param("fromUnit", m.fromUnitId).param("handedAt", ts(m.handedAt)).param("signDue", ts(m.signDueAt))
                .param("signedLate", m.signedLate).param("levelDue", ts(m.levelDueAt)).param("due", ts(m.dueAt))
                .param("pausedAt", ts(m.pausedAt)).param("remaining", m.remainingDays).param("returned", m.returned)
                .param("warned", m.warned).param("overdue", m.overdue).param("closedAt", ts(m.closedAt))
                .param("closingUnit", m.closingUnitId).param("result", m.result).param("onTime", m.closedOnTime)
                .param("rating", m.rating).param("ratingComment", m.ratingComment).param("ratedAt", ts(m.ratedAt))
                .param("reopened", m.reopened).param("rejected", m.rejected).param("mergedInto", m.mergedInto).param("county", m.countyCode)
                .param("id", m.id).param("version", m.version).update();
        if (updated != 1) {
            throw new DomainException(ProblemType.CONCURRENT_MODIFICATION, Messages.text("requests.matter.changed"));
        }
        m.version++;
    }

    /** One line of the timeline. */
    void event(Matter m, Instant at, TimelineKind kind, @Nullable UUID actorId, @Nullable String actorName, @Nullable UUID unitId,
            @Nullable UUID toUnitId, @Nullable String note) {
        jdbc.sql("""
                insert into requests.matter_events (county_code, matter_id, at, kind, actor_id, actor_name, unit_id, to_unit_id, note)
                values (:county, :matter, :at, :kind, :actor, :actorName, :unit, :toUnit, :note)
                """).param("county", m.countyCode).param("matter", m.id).param("at", ts(at)).param("kind", kind.name())
                .param("actor", actorId).param("actorName", actorName).param("unit", unitId).param("toUnit", toUnitId)
                .param("note", note).update();
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Matter matter(ResultSet rs, int row) throws SQLException {
        Matter m = new Matter(rs.getString("county_code"), rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("item_id", UUID.class), rs.getString("item_code"), rs.getInt("item_version"),
                rs.getBoolean("urgent"), rs.getString("region_code"), Channel.valueOf(rs.getString("channel")),
                rs.getObject("applicant_user_id", UUID.class), rs.getObject("submitted_by", UUID.class),
                instant(rs, "submitted_at"), MatterStatus.valueOf(rs.getString("status")), Level.valueOf(rs.getString("level")),
                rs.getObject("unit_id", UUID.class), instant(rs, "handed_at"), instant(rs, "sign_due_at"),
                instant(rs, "level_due_at"), instant(rs, "due_at"));
        m.fromUnitId = rs.getObject("from_unit_id", UUID.class);
        m.signedLate = rs.getBoolean("signed_late");
        m.pausedAt = instant(rs, "paused_at");
        m.remainingDays = (Integer) rs.getObject("remaining_days");
        m.returned = rs.getBoolean("returned");
        m.warned = rs.getBoolean("warned");
        m.overdue = rs.getBoolean("overdue");
        m.closedAt = instant(rs, "closed_at");
        m.closingUnitId = rs.getObject("closing_unit_id", UUID.class);
        m.result = rs.getString("result");
        m.closedOnTime = (Boolean) rs.getObject("closed_on_time");
        m.rating = rs.getObject("rating") == null ? null : rs.getInt("rating");
        m.ratingComment = rs.getString("rating_comment");
        m.ratedAt = instant(rs, "rated_at");
        m.reopened = rs.getBoolean("reopened");
        m.rejected = rs.getBoolean("rejected");
        m.mergedInto = rs.getObject("merged_into", UUID.class);
        m.version = rs.getLong("version");
        return m;
    }
}
