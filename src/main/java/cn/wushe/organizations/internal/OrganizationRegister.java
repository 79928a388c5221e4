package cn.wushe.organizations.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.organizations.OrganizationKind;
import cn.wushe.organizations.OrganizationRegistered;
import cn.wushe.platform.Actor;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.region.Regions;
import cn.wushe.units.CreditCode;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.UnitRegistration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering (登记), filing (备案), changing and deregistering organizations, each in one
 * transaction with its unit, its audit entry and its history row. A registered organization needs
 * ORG_MANAGE over its county and a credit code that civil affairs could have given it (51/52/53 by
 * kind, a region of the tree, both check characters); a community organization needs ORG_MANAGE
 * over its community (the town's civil affairs office files it).
 */
@Service
public class OrganizationRegister {

    static final String OBJECT_TYPE = "ORGANIZATION";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcOrganizations organizations;
    private final UnitRegistration units;
    private final Regions regions;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final AnnualReportDeadline annualReports;
    private final Clock clock;

    OrganizationRegister(JdbcOrganizations organizations, UnitRegistration units, Regions regions, FieldCipher cipher,
            BlindIndex blindIndex, AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc,
            AnnualReportDeadline annualReports, Clock clock) {
        this.annualReports = annualReports;
        this.organizations = organizations;
        this.units = units;
        this.regions = regions;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The form or request as typed; fields that do not apply to the kind are ignored. */
    public record NewOrganization(@Nullable String kind, @Nullable String name, @Nullable String regionCode,
            @Nullable String creditCode, @Nullable String leaderName, @Nullable String leaderIdNumber,
            @Nullable String leaderPhone, @Nullable String partyStatus, @Nullable String fields,
            @Nullable String communityType, @Nullable Integer members, @Nullable String charter) {
    }

    @Transactional
    public OrganizationRecord register(Actor actor, NewOrganization request) {
        return register(actor, UnitId.random(), request, null);
    }

    /** @param auditActor the audit name for demo data (no user signed in), else {@code null} */
    @Transactional
    public OrganizationRecord register(Actor actor, UnitId id, NewOrganization request, @Nullable String auditActor) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Map<String, String> errors = new LinkedHashMap<>();
        OrganizationKind kind = OrganizationKind.fromCode(request.kind()).orElse(null);
        if (kind == null) {
            errors.put("kind", Messages.text("organizations.organization.choose-kind"));
        }
        String name = Text.trimToNull(request.name());
        if (name == null || name.length() < 2 || name.length() > 60) {
            errors.put("name", Messages.text("organizations.organization.name-length"));
        }
        String region = Text.trimToNull(request.regionCode());
        CreditCode credit = null;
        String communityType = null;
        Integer members = null;
        if (kind != null && kind.registered()) {
            if (region == null || !region.matches("[0-9]{6}([0-9]{3})?") || !regions.exists(region)) {
                errors.put("regionCode", Messages.text("organizations.organization.region-registered"));
            }
            credit = creditCode(errors, kind, request.creditCode());
        } else if (kind != null) {
            if (region == null || !region.matches("[0-9]{12}") || !regions.exists(region)) {
                errors.put("regionCode", Messages.text("organizations.organization.region-community"));
            }
            communityType = Text.trimToNull(request.communityType());
            if (communityType == null || !organizations.communityTypeExists(communityType)) {
                errors.put("communityType", Messages.text("organizations.organization.choose-community-type"));
            }
            members = request.members();
            if (members == null || members < 1 || members > 100000) {
                errors.put("members", Messages.text("organizations.organization.members"));
            }
        }
        String leader = Text.trimToNull(request.leaderName());
        if (leader == null || leader.length() < 2 || leader.length() > 30) {
            errors.put("leaderName", Messages.text("organizations.organization.leader-name"));
        }
        IdentityNumber idNumber = null;
        String idProblem = Text.trimToNull(request.leaderIdNumber()) == null ? null
                : IdentityNumber.problem(IdDocumentType.RESIDENT_ID, request.leaderIdNumber(), today);
        if (idProblem != null) {
            errors.put("leaderIdNumber", idProblem);
        } else if (Text.trimToNull(request.leaderIdNumber()) != null) {
            idNumber = IdentityNumber.parse(IdDocumentType.RESIDENT_ID, request.leaderIdNumber(), today);
        } else if (kind != null && kind.registered()) {
            errors.put("leaderIdNumber", Messages.text("organizations.organization.leader-id-required"));
        }
        PhoneNumber phone = null;
        String typedPhone = Text.trimToNull(request.leaderPhone());
        if (typedPhone != null) {
            String problem = PhoneNumber.problem(typedPhone);
            if (problem != null) {
                errors.put("leaderPhone", problem);
            } else {
                phone = PhoneNumber.mobileOrLandline(typedPhone);
            }
        }
        OrganizationRecord.PartyStatus party = Arrays.stream(OrganizationRecord.PartyStatus.values())
                .filter(p -> p.name().equals(request.partyStatus())).findFirst().orElse(OrganizationRecord.PartyStatus.NONE);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        String where = Objects.requireNonNull(region);
        String scopeAt = kind.registered() ? where.substring(0, 6) : where;
        if (!actor.can(Permission.ORG_MANAGE, scopeAt)) {
            throw DomainException.outOfScope(Map.of("regionCode",
                    Messages.text(kind.registered() ? "organizations.organization.county-only"
                            : "organizations.organization.region-out-of-scope")));
        }
        if (credit != null && organizations.creditCodeTaken(credit.value())) {
            throw DomainException.conflict(ProblemType.UNIT_EXISTS, "creditCode",
                    Messages.text("organizations.organization.credit-code-taken", credit.value()));
        }
        String idIndex = idNumber == null ? null : blindIndex.of(IdentityNumber.BLIND_INDEX_PURPOSE, idNumber.value());
        units.register(id, UnitKind.SOCIAL_ORGANIZATION, where, Objects.requireNonNull(name), credit, auditActor);
        String filing = kind.registered() ? null
                : organizations.nextFilingNumber(where.substring(0, 9), today.getYear());
        OrganizationRecord record = new OrganizationRecord(id, where.substring(0, 6), where, kind, name,
                credit == null ? null : credit.value(), filing, communityType, members, Text.trimToNull(request.charter()),
                fields(request.fields()), Objects.requireNonNull(leader),
                idNumber == null ? null : cipher.encrypt(idNumber.value()),
                phone == null ? null : cipher.encrypt(phone.digits()), party, null, null, true, null, false, 0,
                clock.instant());
        organizations.insert(record, idIndex);
        audit.record(AuditEvent.success(kind.registered() ? "ORGANIZATION_REGISTER" : "ORGANIZATION_FILE", OBJECT_TYPE,
                id.toString(), where).withDetail(kind.name()).byActor(auditActor));
        if (kind.registered()) {
            annualReports.scheduleNext(where.substring(0, 6));
        }
        events.publishEvent(new OrganizationRegistered(id, kind, where, where.substring(0, 6)));
        return record;
    }

    /**
     * Takes an organization whose unit exists already (registered before the register existed, demo
     * data) into the register without a new unit; idempotent by id. @return whether it was added
     */
    @Transactional
    public boolean adopt(UnitId id, OrganizationKind kind, String name, String regionCode, @Nullable String creditCode,
            String leaderName, @Nullable Integer grade, @Nullable LocalDate gradeValidUntil, String auditActor) {
        if (organizations.load(id, ScopeFilter.unscoped("checking whether the unit is in the register"), false).isPresent()) {
            return false;
        }
        organizations.insert(new OrganizationRecord(id, regionCode.substring(0, 6), regionCode, kind, name, creditCode,
                kind.registered() ? null : organizations.nextFilingNumber(regionCode.substring(0, 9),
                        LocalDate.now(clock.withZone(CHINA)).getYear()),
                null, null, null, List.of(), leaderName, null, null, OrganizationRecord.PartyStatus.NONE, grade,
                gradeValidUntil, true, null, false, 0, clock.instant()), null);
        audit.record(AuditEvent.success("ORGANIZATION_REGISTER", OBJECT_TYPE, id.toString(), regionCode)
                .withDetail(kind.name()).byActor(auditActor));
        events.publishEvent(new OrganizationRegistered(id, kind, regionCode, regionCode.substring(0, 6)));
        return true;
    }

    /** 变更登记: name, leader name, party status or fields; each changed fact is one history row. */
    @Transactional
    public OrganizationRecord change(Actor actor, UnitId id, @Nullable String name, @Nullable String leaderName,
            @Nullable String partyStatus, @Nullable String fields, long expectedVersion) {
        OrganizationRecord o = managed(actor, id);
        if (o.version() != expectedVersion) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("organizations.organization.modified"));
        }
        requireActive(o);
        Map<String, String[]> changed = new LinkedHashMap<>();
        String newName = Text.trimToNull(name);
        if (newName != null && !newName.equals(o.name())) {
            if (newName.length() < 2 || newName.length() > 60) {
                throw DomainException.invalid("name", Messages.text("organizations.organization.name-length"));
            }
            changed.put("name", new String[] {o.name(), newName});
        }
        String newLeader = Text.trimToNull(leaderName);
        if (newLeader != null && !newLeader.equals(o.leaderName())) {
            changed.put("leader_name", new String[] {Messages.text("organizations.history.leader-changed"), null});
        }
        if (partyStatus != null && !partyStatus.equals(o.partyStatus().name())) {
            OrganizationRecord.PartyStatus party = Arrays.stream(OrganizationRecord.PartyStatus.values())
                    .filter(p -> p.name().equals(partyStatus)).findFirst()
                    .orElseThrow(() -> DomainException.invalid("partyStatus", Messages.text("organizations.organization.party")));
            changed.put("party_status", new String[] {o.partyStatus().name(), party.name()});
        }
        List<String> newFields = fields == null ? o.fields() : fields(fields);
        if (!newFields.equals(o.fields())) {
            changed.put("fields", new String[] {String.join("\u3001", o.fields()), String.join("\u3001", newFields)});
        }
        if (changed.isEmpty()) {
            return o;
        }
        jdbc.sql("""
                update organizations.organizations set name = :name, leader_name = :leader, party_status = :party,
                    fields = cast(:fields as text[]), version = version + 1, updated_at = :at where id = :id
                """)
                .param("name", newName == null ? o.name() : newName).param("leader", newLeader == null ? o.leaderName() : newLeader)
                .param("party", partyStatus == null ? o.partyStatus().name() : partyStatus)
                .param("fields", newFields.toArray(String[]::new)).param("at", java.sql.Timestamp.from(clock.instant()))
                .param("id", id.value()).update();
        changed.forEach((field, values) -> history(o, actor, field, values[0], values[1]));
        audit.record(AuditEvent.success("ORGANIZATION_CHANGE", OBJECT_TYPE, id.toString(), o.regionCode())
                .withDetail(String.join(",", changed.keySet())));
        return reload(id);
    }

    /** The bureau's 1A–5A result (评估等级): only the grade and its end, as the round eligibility needs. */
    @Transactional
    public OrganizationRecord grade(Actor actor, UnitId id, int grade, LocalDate validUntil) {
        OrganizationRecord o = managed(actor, id);
        requireActive(o);
        if (grade < 1 || grade > 5 || !o.kind().registered()) {
            throw DomainException.invalid("grade", Messages.text("organizations.organization.grade"));
        }
        jdbc.sql("update organizations.organizations set grade = :g, grade_valid_until = :u, version = version + 1 "
                + "where id = :id").param("g", grade).param("u", java.sql.Date.valueOf(validUntil)).param("id", id.value())
                .update();
        audit.record(AuditEvent.success("ORGANIZATION_GRADE", OBJECT_TYPE, id.toString(), o.regionCode())
                .withDetail(grade + "A"));
        return reload(id);
    }

    /**
     * 年报 result of one year: an unqualified report puts the organization on the abnormal list
     * (活动异常名录) with the reason; a later qualified one takes it off. Recording the same year twice is refused.
     */
    @Transactional
    public OrganizationRecord annualReport(Actor actor, UnitId id, int year, String result) {
        OrganizationRecord o = managed(actor, id);
        requireActive(o);
        if (!List.of("QUALIFIED", "BASIC", "UNQUALIFIED").contains(result)) {
            throw DomainException.invalid("result", Messages.text("organizations.annual.result"));
        }
        int inserted = jdbc.sql("""
                insert into organizations.annual_reports (organization_id, year, county_code, result, recorded_at)
                values (:id, :year, :county, :result, :at) on conflict do nothing
                """).param("id", id.value()).param("year", year).param("county", o.countyCode()).param("result", result)
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw DomainException.invalid("year", Messages.text("organizations.annual.recorded", year));
        }
        if (result.equals("UNQUALIFIED")) {
            listAbnormal(o, Messages.text("organizations.abnormal.failed-report", year));
        } else if (o.abnormal()) {
            jdbc.sql("update organizations.abnormal_entries set removed_at = :at, removal_reason = :r "
                    + "where organization_id = :id and removed_at is null")
                    .param("at", java.sql.Timestamp.from(clock.instant()))
                    .param("r", Messages.text("organizations.abnormal.report-passed", year)).param("id", id.value()).update();
            jdbc.sql("update organizations.organizations set abnormal = false, version = version + 1 where id = :id")
                    .param("id", id.value()).update();
        }
        audit.record(AuditEvent.success("ORGANIZATION_ANNUAL_REPORT", OBJECT_TYPE, id.toString(), o.regionCode())
                .withDetail(year + ":" + result));
        return reload(id);
    }

    private void listAbnormal(OrganizationRecord o, String reason) {
        if (o.abnormal()) {
            return;
        }
        jdbc.sql("insert into organizations.abnormal_entries (organization_id, county_code, listed_at, reason) "
                + "values (:id, :county, :at, :reason)").param("id", o.id().value()).param("county", o.countyCode())
                .param("at", java.sql.Timestamp.from(clock.instant())).param("reason", reason).update();
        jdbc.sql("update organizations.organizations set abnormal = true, version = version + 1 where id = :id")
                .param("id", o.id().value()).update();
    }

    /** One row of the register's history (变更记录). */
    void history(OrganizationRecord o, Actor actor, String field, @Nullable String before, @Nullable String after) {
        jdbc.sql("""
                insert into organizations.changes (organization_id, county_code, changed_at, actor_name, field,
                    before_value, after_value) values (:id, :county, :at, :actor, :field, :before, :after)
                """).param("id", o.id().value()).param("county", o.countyCode())
                .param("at", java.sql.Timestamp.from(clock.instant())).param("actor", actor.displayName()).param("field", field)
                .param("before", before).param("after", after).update();
    }

    static void requireActive(OrganizationRecord o) {
        if (!o.active()) {
            throw new DomainException(ProblemType.UNIT_RETIRED, Messages.text("organizations.organization.deregistered",
                    o.name()));
        }
    }

    /** Visible in the actor's ORG_MANAGE scope, else 404; locked for this transaction. */
    OrganizationRecord managed(Actor actor, UnitId id) {
        return organizations.load(id, ScopeFilter.predicate(actor, Permission.ORG_MANAGE, "o.county_code", "o.region_code"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("organizations.subject")));
    }

    OrganizationRecord reload(UnitId id) {
        return organizations.load(id, ScopeFilter.unscoped("re-reading an organization the actor has just changed"), false)
                .orElseThrow();
    }

    private @Nullable CreditCode creditCode(Map<String, String> errors, OrganizationKind kind, @Nullable String raw) {
        String typed = Text.trimToNull(raw);
        if (typed == null) {
            errors.put("creditCode", Messages.text("organizations.organization.credit-code-required"));
            return null;
        }
        CreditCode code;
        try {
            code = new CreditCode(typed);
        } catch (IllegalArgumentException e) {
            errors.put("creditCode", String.valueOf(e.getMessage()));
            return null;
        }
        String problem = code.civilAffairsProblem(kind.category()).orElse(null);
        if (problem == null && !regions.exists(code.regionCode())) {
            problem = Messages.text("organizations.organization.credit-code-region", code.regionCode());
        }
        if (problem != null) {
            errors.put("creditCode", problem);
            return null;
        }
        return code;
    }

    static List<String> fields(@Nullable String typed) {
        String text = Text.trimToNull(typed);
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\uff0c\u3001\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().limit(10)
                .toList();
    }
}
