package cn.wushe.volunteering.internal;

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
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度荣誉 (优秀志愿者, 优秀志愿服务队) of a town or county: nominated from the year's confirmed hours
 * (the top of the region) or by hand, decided one by one (awarded, or declined with a reason), and
 * the awarded ones' certificates issued in one batch by the documents service. {@code HONOUR_AWARD}
 * over the deciding region does all of it; the role grants decide who is a town or a county.
 */
@Service
public class Honours {

    public static final DocumentKind HONOUR = HonourTitles.CERTIFICATE;
    public static final List<String> TITLES = HonourTitles.ALL;
    static final List<String> TITLE_KEYS = List.of("volunteering.honour.title.EXCELLENT_VOLUNTEER",
            "volunteering.honour.title.EXCELLENT_TEAM");
    static final List<String> STATUS_KEYS = List.of("volunteering.honour.status.NOMINATED",
            "volunteering.honour.status.AWARDED", "volunteering.honour.status.DECLINED");

    public record HonourView(UUID id, int year, String title, String regionCode, String subjectName, long minutes,
            String status, @Nullable String reason, boolean certified, @Nullable String nominationReason) {

        public String titleLabel() {
            return Messages.text(TITLE_KEYS.get(TITLES.indexOf(title)));
        }

        public String statusLabel() {
            return Messages.text(STATUS_KEYS.get(List.of("NOMINATED", "AWARDED", "DECLINED").indexOf(status)));
        }

        public String hours() {
            return HoursFormat.hours(minutes);
        }
    }

    /** The certificates of one batch, to be handed out together. */
    public record Batch(List<IssuedDocument> documents) {
    }

    private final JdbcClient jdbc;
    private final Documents documents;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;
    private final Volunteers volunteers;

    Honours(JdbcClient jdbc, Documents documents, Regions regions, AuditLog audit, Clock clock, Volunteers volunteers) {
        this.volunteers = volunteers;
        this.jdbc = jdbc;
        this.documents = documents;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Nominates the {@code count} subjects of the region with the most confirmed hours in the year. */
    @Transactional
    public int nominateTop(Actor actor, int year, @Nullable String title, @Nullable String regionCode, int count) {
        String region = decidingRegion(actor, regionCode);
        if (title == null || !TITLES.contains(title)) {
            throw DomainException.invalid("title", Messages.text("volunteering.honour.title-required"));
        }
        if (count < 1 || count > 200) {
            throw DomainException.invalid("count", Messages.text("volunteering.honour.count-range"));
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Times.CHINA).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Times.CHINA).toInstant();
        boolean team = title.equals(HonourTitles.TEAM);
        String subjects = team ? """
                select h.team_id as subject, sum(h.minutes) as minutes from volunteering.hours_ledger h
                join volunteering.teams t on t.county_code = h.county_code and t.id = h.team_id
                where h.county_code = :county and t.region_code like :prefix and h.period_start >= :from and h.period_start < :to
                group by h.team_id""" : """
                select h.volunteer_id as subject, sum(h.minutes) as minutes from volunteering.hours_ledger h
                join volunteering.volunteers v on v.county_code = h.county_code and v.id = h.volunteer_id
                where h.county_code = :county and v.community_code like :prefix and h.period_start >= :from and h.period_start < :to
                group by h.volunteer_id""";
        int rows = jdbc.sql("insert into volunteering.honours (county_code, id, year, title, region_code, volunteer_id, team_id, "
                        + "minutes, status, nominated_by, nominated_at) "
                        + "select :county, gen_random_uuid(), :year, :title, :region, "
                        + (team ? "null, s.subject" : "s.subject, null")
                        + ", s.minutes, 'NOMINATED', :by, :at from (" + subjects + ") s where s.minutes > 0"
                        + " order by s.minutes desc, s.subject limit :count on conflict do nothing")
                .param("county", region.substring(0, 6)).param("prefix", region + "%").param("from", Times.ts(from))
                .param("to", Times.ts(to)).param("year", year).param("title", title).param("region", region)
                .param("by", actor.id()).param("at", Times.ts(clock.instant())).param("count", count).update();
        audit.record(AuditEvent.success("HONOUR_NOMINATE", "HONOUR", null, region)
                .withDetail(Messages.text("volunteering.honour.audit-nominated", rows)));
        return rows;
    }

    /**
     * Nominates one volunteer (by identity number) or team (by name) of the region by hand, with the
     * reason and the year's confirmed hours beside it; decided like the others.
     */
    @Transactional
    public UUID nominateByHand(Actor actor, int year, @Nullable String title, @Nullable String regionCode,
            @Nullable String subject, @Nullable String reason) {
        String region = decidingRegion(actor, regionCode);
        if (title == null || !TITLES.contains(title)) {
            throw DomainException.invalid("title", Messages.text("volunteering.honour.title-required"));
        }
        String why = Text.trimToNull(reason);
        if (why == null || why.length() < 2 || why.length() > 200) {
            throw DomainException.invalid("nominationReason", Messages.text("volunteering.honour.nomination-reason-required"));
        }
        String who = Text.trimToNull(subject);
        boolean team = title.equals(HonourTitles.TEAM);
        String county = region.substring(0, 6);
        UUID subjectId = who == null ? null : (team ? jdbc.sql("""
                select id from volunteering.teams where county_code = :county and name = :name and region_code like :prefix""")
                .param("name", who) : jdbc.sql("""
                select id from volunteering.volunteers where county_code = :county and id_number_bidx = :idx
                  and community_code like :prefix""")
                .param("idx", volunteers.identityIndex(IdentityNumber.normalise(who))))
                .param("county", county).param("prefix", region + "%").query(UUID.class).optional().orElse(null);
        if (subjectId == null) {
            throw DomainException.invalid("subject", Messages.text(team ? "volunteering.honour.team-not-found"
                    : "volunteering.honour.volunteer-not-found"));
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Times.CHINA).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Times.CHINA).toInstant();
        long minutes = jdbc.sql("select coalesce(sum(minutes), 0) from volunteering.hours_ledger where county_code = :county and "
                        + (team ? "team_id" : "volunteer_id") + " = :subject and period_start >= :from and period_start < :to")
                .param("county", county).param("subject", subjectId).param("from", Times.ts(from)).param("to", Times.ts(to))
                .query(Long.class).single();
        UUID id = UUID.randomUUID();
        int rows = jdbc.sql("""
                insert into volunteering.honours (county_code, id, year, title, region_code, volunteer_id, team_id, minutes, status,
                    nominated_by, nominated_at, nomination_reason)
                values (:county, :id, :year, :title, :region, :volunteer, :team, :minutes, 'NOMINATED', :by, :at, :why)
                on conflict do nothing""")
                .param("county", county).param("id", id).param("year", year).param("title", title).param("region", region)
                .param("volunteer", team ? null : subjectId).param("team", team ? subjectId : null).param("minutes", minutes)
                .param("by", actor.id()).param("at", Times.ts(clock.instant())).param("why", why).update();
        if (rows == 0) {
            throw DomainException.conflict(ProblemType.HONOUR_DECIDED, "subject", Messages.text("volunteering.honour.already-nominated"));
        }
        audit.record(AuditEvent.success("HONOUR_NOMINATE_BY_HAND", "HONOUR", id.toString(), region).withReason(why));
        return id;
    }

    /** The honours of a year inside the actor's {@code HONOUR_AWARD} scope, the undecided first. */
    @Transactional(readOnly = true)
    public List<HonourView> list(Actor actor, int year) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.HONOUR_AWARD, "o.county_code", "o.region_code");
        return jdbc.sql("""
                select o.id, o.year, o.title, o.region_code,
                    coalesce(v.real_name, t.name) as subject, o.minutes, o.status, o.reason, o.certificate_serial is not null,
                    o.nomination_reason
                from volunteering.honours o
                left join volunteering.volunteers v on v.county_code = o.county_code and v.id = o.volunteer_id
                left join volunteering.teams t on t.county_code = o.county_code and t.id = o.team_id
                where o.year = :year and """ + scope.sql() + """
                 order by o.status <> 'NOMINATED', o.title, o.minutes desc, o.id limit 1000""")
                .params(scope.params()).param("year", year)
                .query((rs, i) -> new HonourView(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10))).list();
    }

    /** Awards or declines (with a reason) one nomination; a decided one stays as decided. */
    @Transactional
    public void decide(Actor actor, UUID id, boolean award, @Nullable String reason) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.HONOUR_AWARD, "o.county_code", "o.region_code");
        String region = jdbc.sql("select o.region_code from volunteering.honours o where o.id = :id and " + scope.sql())
                .params(scope.params()).param("id", id).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.honour.not-found")));
        String why = Text.trimToNull(reason);
        if (!award && (why == null || why.length() > 200)) {
            throw DomainException.invalid("reason", Messages.text("volunteering.honour.reason-required"));
        }
        int rows = jdbc.sql("""
                update volunteering.honours set status = :status, reason = :reason, decided_by = :by, decided_at = :at
                where county_code = :county and id = :id and status = 'NOMINATED'""")
                .param("status", award ? "AWARDED" : "DECLINED").param("reason", why).param("by", actor.id())
                .param("at", Times.ts(clock.instant())).param("county", region.substring(0, 6)).param("id", id).update();
        if (rows == 0) {
            throw DomainException.conflict(ProblemType.HONOUR_DECIDED, "status", Messages.text("volunteering.honour.decided"));
        }
        audit.record(AuditEvent.success(award ? "HONOUR_AWARD" : "HONOUR_DECLINE", "HONOUR", id.toString(), region)
                .withReason(why));
    }

    /** Issues the certificates of every awarded honour of the year and region that has none yet. */
    @Transactional
    public Batch certificates(Actor actor, int year, @Nullable String regionCode) {
        String region = decidingRegion(actor, regionCode);
        List<HonourView> awarded = list(actor, year).stream()
                .filter(h -> h.status().equals("AWARDED") && !h.certified() && h.regionCode().startsWith(region)).toList();
        if (awarded.isEmpty()) {
            throw DomainException.conflict(ProblemType.NOTHING_TO_CERTIFY, "year", Messages.text("volunteering.honour.none-to-certify"));
        }
        List<IssuedDocument> issued = new ArrayList<>();
        for (HonourView h : awarded) {
            String regionName = regions.find(h.regionCode()).map(Region::fullName).orElse(h.regionCode());
            String body = Messages.text("volunteering.honour.body", h.subjectName(), regionName, String.valueOf(h.year()), h.titleLabel(), h.hours());
            PublicClaims claims = PublicClaims.about(h.subjectName(),
                    List.of(Messages.text("volunteering.honour.fact", String.valueOf(h.year()), h.titleLabel())),
                    Messages.text("volunteering.certificate.issuer"), regionName, null);
            PrintedContent content = new PrintedContent(h.titleLabel(), List.of(body),
                    List.of(new PrintedContent.Particular(Messages.text("volunteering.honour.subject"), h.subjectName()),
                            new PrintedContent.Particular(Messages.text("volunteering.honour.year"), String.valueOf(h.year())),
                            new PrintedContent.Particular(Messages.text("volunteering.certificate.hours"), h.hours())));
            IssuedDocument document = documents.issue(actor, HONOUR, h.regionCode(), claims, content);
            jdbc.sql("update volunteering.honours set certificate_serial = :serial where county_code = :county and id = :id")
                    .param("serial", document.serial()).param("county", h.regionCode().substring(0, 6)).param("id", h.id()).update();
            issued.add(document);
        }
        audit.record(AuditEvent.success("HONOUR_CERTIFICATES", "HONOUR", null, region)
                .withDetail(Messages.text("volunteering.honour.audit-certified", issued.size())));
        return new Batch(issued);
    }

    /** The year asked for, kept within 2000–2100, or this year when none was. */
    public int yearOrThis(@Nullable Integer year) {
        return year == null ? thisYear() : Math.max(2000, Math.min(2100, year));
    }

    /** This year in China. */
    public int thisYear() {
        return LocalDate.now(clock.withZone(Times.CHINA)).getYear();
    }

    private static String decidingRegion(Actor actor, @Nullable String regionCode) {
        String region = Text.trimToNull(regionCode);
        if (region == null || !region.matches("[0-9]{6}([0-9]{3}){0,2}")) {
            throw DomainException.invalid("regionCode", Messages.text("volunteering.honour.region-required"));
        }
        if (!actor.can(Permission.HONOUR_AWARD, region)) {
            throw DomainException.outOfScope(Map.of("regionCode", Messages.text("volunteering.honour.out-of-scope")));
        }
        return region;
    }
}
