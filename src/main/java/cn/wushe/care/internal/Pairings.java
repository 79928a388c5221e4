package cn.wushe.care.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairing visitors with a person (结对): needs CARE_MANAGE over the person's region and the family's
 * consent; a pairing that replaces an active one states why (the old one ends with that reason).
 */
@Service
public class Pairings {

    static final int MAX_VOLUNTEERS = 10;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A pairing as the form sends it; the user ids are accounts (until volunteer records exist). */
    public record PairingDraft(@Nullable UUID socialWorker, List<UUID> volunteers, @Nullable String consentBy,
            @Nullable LocalDate consentOn, Pairing.@Nullable ConsentHow consentHow, @Nullable String reason) {
    }

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final AuditLog audit;
    private final Clock clock;

    Pairings(JdbcClient jdbc, Subjects subjects, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Pairing pair(Actor actor, UUID personId, PairingDraft draft) {
        Subject subject = subjects.visible(actor, personId, true).orElseThrow(() -> TierAssessment.notFound(personId));
        if (!actor.can(Permission.CARE_MANAGE, subject.regionCode())) {
            throw DomainException.forbidden(Messages.text("care.pairing.action-pair"));
        }
        TierAssessment.requireActive(subject);
        Optional<Pairing> current = active(personId);
        Map<String, String> errors = new LinkedHashMap<>();
        List<UUID> volunteers = List.copyOf(new LinkedHashSet<>(draft.volunteers()));
        if (draft.socialWorker() == null && volunteers.isEmpty()) {
            errors.put("volunteers", Messages.text("care.pairing.nobody"));
        }
        if (volunteers.size() > MAX_VOLUNTEERS) {
            errors.put("volunteers", Messages.text("care.pairing.too-many", MAX_VOLUNTEERS));
        }
        String consentBy = Text.trimToNull(draft.consentBy());
        if (consentBy == null) {
            errors.put("consentBy", Messages.text("care.pairing.consent-by-required"));
        } else if (consentBy.length() > 50) {
            errors.put("consentBy", Messages.text("care.text.too-long", 50));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        if (draft.consentOn() == null) {
            errors.put("consentOn", Messages.text("care.pairing.consent-on-required"));
        } else if (draft.consentOn().isAfter(today)) {
            errors.put("consentOn", Messages.text("care.pairing.consent-on-future"));
        }
        if (draft.consentHow() == null) {
            errors.put("consentHow", Messages.text("care.pairing.consent-how-required"));
        }
        String reason = Text.trimToNull(draft.reason());
        if (current.isPresent() && reason == null) {
            errors.put("reason", Messages.text("care.pairing.reason-required"));
        } else if (reason != null && reason.length() > 200) {
            errors.put("reason", Messages.text("care.text.too-long", 200));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        current.ifPresent(old -> jdbc.sql("""
                update care.pairings set active = false, ended_at = :now, end_reason = :reason, version = version + 1
                where county_code = :county and id = :id""")
                .param("now", Timestamp.from(now)).param("reason", reason).param("county", old.countyCode())
                .param("id", old.id()).update());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into care.pairings (county_code, id, person_id, region_code, social_worker_id, volunteer_ids, consent_by,
                    consent_on, consent_how, reason, active, created_by, created_at, version)
                values (:county, :id, :person, :region, :worker, cast(:volunteers as uuid[]), :consentBy, :consentOn,
                    :consentHow, :reason, true, :by, :now, 0)""")
                .param("county", subject.countyCode()).param("id", id).param("person", personId)
                .param("region", subject.regionCode()).param("worker", draft.socialWorker())
                .param("volunteers", volunteers.stream().map(UUID::toString).toArray(String[]::new))
                .param("consentBy", consentBy).param("consentOn", draft.consentOn()).param("consentHow", draft.consentHow().name())
                .param("reason", reason).param("by", actor.id()).param("now", Timestamp.from(now)).update();
        audit.record(AuditEvent.success("CARE_PAIR", "CARE_SUBJECT", personId.toString(), subject.regionCode())
                .withReason(reason).withDetail((draft.socialWorker() == null ? 0 : 1) + "+" + volunteers.size()));
        return active(personId).orElseThrow();
    }

    public Optional<Pairing> active(UUID personId) {
        return jdbc.sql("select * from care.pairings where person_id = :person and active")
                .param("person", personId).query(Pairings::row).optional();
    }

    private static Pairing row(ResultSet rs, int n) throws SQLException {
        List<UUID> volunteers = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("volunteer_ids").getArray()) {
            volunteers.add((UUID) o);
        }
        return new Pairing(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("county_code"),
                rs.getString("region_code"), rs.getObject("social_worker_id", UUID.class), volunteers,
                rs.getString("consent_by"), rs.getObject("consent_on", LocalDate.class),
                Pairing.ConsentHow.valueOf(rs.getString("consent_how")), rs.getString("reason"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }
}
