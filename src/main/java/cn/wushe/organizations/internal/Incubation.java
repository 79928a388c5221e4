package cn.wushe.organizations.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.Documents;
import cn.wushe.documents.IssuedDocument;
import cn.wushe.documents.PrintedContent;
import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.units.UnitId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incubation (进驻—孵化—评估—出壳) by the civil affairs office (ORG_MANAGE over the organization):
 * application, admission with term and place, services logged (registration help, capacity
 * building, project support), a checklist evaluation, then 出壳 with a certificate (documents) when
 * every item passed, or an extension, or an exit with a reason. One running intake per organization.
 */
@Service
public class Incubation {

    /** 出壳证书 */
    public static final DocumentKind CERTIFICATE = IncubationTerms.CERTIFICATE;
    /** The evaluation checklist (评估清单): every item must pass to graduate. */
    public static final List<String> CHECKLIST = IncubationTerms.CHECKLIST;
    public static final List<String> SERVICE_KINDS = IncubationTerms.SERVICE_KINDS;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcOrganizations organizations;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Documents documents;
    private final AuditLog audit;
    private final Clock clock;

    Incubation(JdbcOrganizations organizations, org.springframework.jdbc.core.simple.JdbcClient jdbc, Documents documents,
            AuditLog audit, Clock clock) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** A logged service. */
    public record Support(String at, String kind, String note) {
    }

    /** An intake as shown. */
    public record Intake(UUID id, String stage, Instant appliedAt, @Nullable LocalDate termUntil, @Nullable String place,
            List<Support> services, @Nullable Map<String, Boolean> checklist, @Nullable Boolean passed,
            @Nullable String certificate, @Nullable String exitReason) {
    }

    public Optional<Intake> latest(UnitId organization) {
        return jdbc.sql("select * from organizations.incubations where organization_id = :o order by applied_at desc limit 1")
                .param("o", organization.value()).query((rs, n) -> new Intake(rs.getObject("id", UUID.class),
                        rs.getString("stage"), rs.getTimestamp("applied_at").toInstant(),
                        rs.getDate("term_until") == null ? null : rs.getDate("term_until").toLocalDate(), rs.getString("place"),
                        JSON.readValue(rs.getString("services"), new TypeReference<List<Support>>() { }),
                        rs.getString("checklist") == null ? null
                                : JSON.readValue(rs.getString("checklist"), new TypeReference<Map<String, Boolean>>() { }),
                        (Boolean) rs.getObject("passed"), rs.getString("certificate"), rs.getString("exit_reason")))
                .optional();
    }

    private OrganizationRecord managed(Actor actor, UnitId id) {
        return organizations.load(id, ScopeFilter.predicate(actor, Permission.ORG_MANAGE, "o.county_code", "o.region_code"), false)
                .orElseThrow(() -> DomainException.notFound(Messages.text("organizations.subject")));
    }

    private Intake running(UnitId id, String... stages) {
        Intake intake = latest(id).filter(i -> List.of(stages).contains(i.stage())).orElseThrow(() ->
                new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("organizations.incubation.stage")));
        return intake;
    }

    private void update(Intake intake, String stage, Map<String, @Nullable Object> columns) {
        StringBuilder set = new StringBuilder("stage = :stage, version = version + 1");
        columns.keySet().forEach(c -> set.append(", ").append(c).append(" = ").append(c.equals("services")
                || c.equals("checklist") ? "cast(:" + c + " as jsonb)" : ":" + c));
        Map<String, @Nullable Object> params = new LinkedHashMap<>(columns);
        params.put("stage", stage);
        params.put("id", intake.id());
        params.put("from", intake.stage());
        if (jdbc.sql("update organizations.incubations set " + set + " where id = :id and stage = :from").params(params)
                .update() != 1) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("organizations.incubation.stage"));
        }
    }

    @Transactional
    public Intake apply(Actor actor, UnitId id) {
        OrganizationRecord o = managed(actor, id);
        if (latest(id).filter(i -> List.of("APPLIED", "INCUBATING", "EVALUATED").contains(i.stage())).isPresent()) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("organizations.incubation.running"));
        }
        try {
            jdbc.sql("insert into organizations.incubations (id, organization_id, county_code, region_code, stage, applied_at, "
                            + "version) values (:id, :o, :county, :region, 'APPLIED', :at, 0)")
                    .param("id", UUID.randomUUID()).param("o", id.value()).param("county", o.countyCode())
                    .param("region", o.regionCode()).param("at", java.sql.Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("organizations.incubation.running"));
        }
        audited(o, "INCUBATION_APPLY", null);
        return latest(id).orElseThrow();
    }

    /** 进驻: the agreement's term and place. */
    @Transactional
    public Intake admit(Actor actor, UnitId id, @Nullable LocalDate termUntil, @Nullable String place) {
        OrganizationRecord o = managed(actor, id);
        Intake intake = running(id, "APPLIED");
        if (termUntil == null || !termUntil.isAfter(LocalDate.now(clock.withZone(OrganizationRegister.CHINA)))
                || Text.trimToNull(place) == null) {
            throw DomainException.invalid("termUntil", Messages.text("organizations.incubation.term"));
        }
        update(intake, "INCUBATING", Map.of("term_until", java.sql.Date.valueOf(termUntil), "place", place.strip()));
        audited(o, "INCUBATION_ADMIT", null);
        return latest(id).orElseThrow();
    }

    @Transactional
    public Intake logService(Actor actor, UnitId id, @Nullable String kind, @Nullable String note) {
        OrganizationRecord o = managed(actor, id);
        Intake intake = running(id, "INCUBATING");
        if (!SERVICE_KINDS.contains(String.valueOf(kind)) || Text.trimToNull(note) == null) {
            throw DomainException.invalid("kind", Messages.text("organizations.incubation.service"));
        }
        List<Support> services = new ArrayList<>(intake.services());
        services.add(new Support(LocalDate.now(clock.withZone(OrganizationRegister.CHINA)).toString(), kind, note.strip()));
        update(intake, "INCUBATING", Map.of("services", JSON.writeValueAsString(services)));
        audited(o, "INCUBATION_SERVICE", kind);
        return latest(id).orElseThrow();
    }

    /** 评估: every checklist item answered; passed only when all pass. */
    @Transactional
    public Intake evaluate(Actor actor, UnitId id, @Nullable Map<String, Boolean> checklist) {
        OrganizationRecord o = managed(actor, id);
        Intake intake = running(id, "INCUBATING");
        if (checklist == null || !checklist.keySet().containsAll(CHECKLIST)) {
            throw DomainException.invalid("checklist", Messages.text("organizations.incubation.checklist"));
        }
        boolean passed = CHECKLIST.stream().allMatch(item -> Boolean.TRUE.equals(checklist.get(item)));
        Map<String, Boolean> answered = new LinkedHashMap<>();
        CHECKLIST.forEach(item -> answered.put(item, Boolean.TRUE.equals(checklist.get(item))));
        update(intake, "EVALUATED", Map.of("checklist", JSON.writeValueAsString(answered), "passed", passed));
        audited(o, "INCUBATION_EVALUATE", String.valueOf(passed));
        return latest(id).orElseThrow();
    }

    /** 出壳 with the certificate; refused unless the evaluation passed. */
    @Transactional
    public IssuedDocument graduate(Actor actor, UnitId id) {
        OrganizationRecord o = managed(actor, id);
        Intake intake = running(id, "EVALUATED");
        if (!Boolean.TRUE.equals(intake.passed())) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("organizations.incubation.not-passed"));
        }
        String today = LocalDate.now(clock.withZone(OrganizationRegister.CHINA)).toString();
        IssuedDocument certificate = documents.issue(actor, CERTIFICATE, o.regionCode(),
                new PublicClaims(o.name(), List.of(Messages.text("organizations.incubation.fact", today)),
                        Messages.text("organizations.incubation.issuer"), o.regionCode(), null),
                new PrintedContent(o.name(), List.of(Messages.text("organizations.incubation.body", o.name(),
                        intake.services().size(), today)), List.of()));
        update(intake, "GRADUATED", Map.of("certificate", certificate.serial()));
        audited(o, "INCUBATION_GRADUATE", certificate.serial());
        return certificate;
    }

    /** 延期: a failed evaluation goes back to incubating with a new term. */
    @Transactional
    public Intake extend(Actor actor, UnitId id, @Nullable LocalDate termUntil) {
        OrganizationRecord o = managed(actor, id);
        Intake intake = running(id, "EVALUATED", "INCUBATING");
        if (termUntil == null || intake.termUntil() == null || !termUntil.isAfter(intake.termUntil())) {
            throw DomainException.invalid("termUntil", Messages.text("organizations.incubation.term"));
        }
        update(intake, "INCUBATING", Map.of("term_until", java.sql.Date.valueOf(termUntil)));
        audited(o, "INCUBATION_EXTEND", termUntil.toString());
        return latest(id).orElseThrow();
    }

    @Transactional
    public Intake exit(Actor actor, UnitId id, @Nullable String reason) {
        OrganizationRecord o = managed(actor, id);
        Intake intake = running(id, "APPLIED", "INCUBATING", "EVALUATED");
        if (Text.trimToNull(reason) == null) {
            throw DomainException.invalid("reason", Messages.text("organizations.incubation.reason"));
        }
        update(intake, "EXITED", Map.of("exit_reason", reason.strip()));
        audited(o, "INCUBATION_EXIT", null);
        return latest(id).orElseThrow();
    }

    private void audited(OrganizationRecord o, String action, @Nullable String detail) {
        audit.record(AuditEvent.success(action, OrganizationRegister.OBJECT_TYPE, o.id().toString(), o.regionCode())
                .withDetail(detail));
    }
}
