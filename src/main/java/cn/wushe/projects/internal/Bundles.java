package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Text;
import cn.wushe.region.Regions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 街道打包、社区落地: one purchased project lands in several communities of the county, each with its
 * own targets, report and acceptance. The project's own acceptance waits until every site is accepted,
 * so a bundle cannot be closed over a community nobody checked.
 */
@Service
public class Bundles {

    private final ProjectStore store;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    Bundles(ProjectStore store, Regions regions, AuditLog audit, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** One community of a bundle: what it is to reach, what was reported and the acceptance. */
    public record Site(String communityCode, String communityName, String targets, int beneficiaries,
            @Nullable String reportSummary, @Nullable Instant reportedAt, @Nullable Integer served,
            @Nullable String result, @Nullable Instant acceptedAt) {

        public boolean accepted() {
            return result != null;
        }
    }

    public List<Site> sites(UUID applicationId) {
        return store.jdbc().sql("select * from projects.bundle_sites where application_id = :a order by community_code")
                .param("a", applicationId).query((rs, n) -> new Site(rs.getString("community_code"),
                        regions.find(rs.getString("community_code")).map(r -> r.name()).orElse(rs.getString("community_code")),
                        rs.getString("targets"), rs.getInt("beneficiaries"), rs.getString("report_summary"),
                        ProjectStore.instant(rs.getTimestamp("reported_at")), (Integer) rs.getObject("served"),
                        rs.getString("result"), ProjectStore.instant(rs.getTimestamp("accepted_at")))).list();
    }

    /** Adds a community with its targets to a recommended or running project of a purchase round (ROUND_MANAGE). */
    @Transactional
    public Site addSite(Actor actor, UUID applicationId, @Nullable String communityCode, @Nullable String targets,
            @Nullable Integer beneficiaries) {
        Application a = managed(actor, applicationId);
        if (a.status() != ApplicationStatus.RECOMMENDED && a.status() != ApplicationStatus.CONFIRMED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.bundle.not-running"));
        }
        String code = Text.trimToNull(communityCode);
        if (code == null || !code.matches("[0-9]{12}") || !code.startsWith(a.countyCode()) || !regions.exists(code)) {
            throw DomainException.invalid("communityCode", Messages.text("projects.bundle.community"));
        }
        String goal = Text.trimToNull(targets);
        if (goal == null || goal.length() < 2 || goal.length() > 500) {
            throw DomainException.invalid("targets", Messages.text("projects.bundle.targets"));
        }
        if (beneficiaries == null || beneficiaries < 1 || beneficiaries > 1_000_000) {
            throw DomainException.invalid("beneficiaries", Messages.text("projects.bundle.beneficiaries"));
        }
        try {
            store.jdbc().sql("insert into projects.bundle_sites (application_id, community_code, county_code, targets, "
                            + "beneficiaries) values (:a, :c, :county, :t, :b)")
                    .param("a", applicationId).param("c", code).param("county", a.countyCode()).param("t", goal)
                    .param("b", beneficiaries).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("communityCode", Messages.text("projects.bundle.duplicate"));
        }
        audit.record(AuditEvent.success("BUNDLE_SITE_ADD", Transitions.OBJECT_TYPE, applicationId.toString(), a.regionCode())
                .withDetail(code));
        return site(applicationId, code);
    }

    /** The organization reports one community's work (ORG_OWN, own running project). */
    @Transactional
    public Site report(Actor actor, UUID applicationId, String communityCode, @Nullable String summary, @Nullable Integer served) {
        Application a = store.application(applicationId, ProjectScope.own(actor), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
        if (a.status() != ApplicationStatus.CONFIRMED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.report.not-running"));
        }
        Site site = site(applicationId, communityCode);
        if (site.accepted()) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.bundle.already-accepted"));
        }
        String text = Text.trimToNull(summary);
        if (text == null || text.length() < 4) {
            throw DomainException.invalid("summary", Messages.text("projects.report.summary"));
        }
        if (served == null || served < 0) {
            throw DomainException.invalid("served", Messages.text("projects.bundle.served"));
        }
        store.jdbc().sql("update projects.bundle_sites set report_summary = :s, served = :n, reported_at = :at "
                        + "where application_id = :a and community_code = :c")
                .param("s", text).param("n", served).param("at", ProjectStore.ts(clock.instant()))
                .param("a", applicationId).param("c", site.communityCode()).update();
        audit.record(AuditEvent.success("BUNDLE_SITE_REPORT", Transitions.OBJECT_TYPE, applicationId.toString(),
                a.regionCode()).withDetail(site.communityCode()));
        return site(applicationId, site.communityCode());
    }

    /** Accepts one community's part (合格/不合格) after its report (ROUND_MANAGE). */
    @Transactional
    public Site accept(Actor actor, UUID applicationId, String communityCode, boolean passed) {
        Application a = managed(actor, applicationId);
        if (a.status() != ApplicationStatus.CONFIRMED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.report.not-running"));
        }
        Site site = site(applicationId, communityCode);
        if (site.reportedAt() == null) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.bundle.no-report"));
        }
        int rows = store.jdbc().sql("update projects.bundle_sites set result = :r, accepted_at = :at "
                        + "where application_id = :a and community_code = :c and result is null")
                .param("r", passed ? "PASS" : "FAIL").param("at", ProjectStore.ts(clock.instant()))
                .param("a", applicationId).param("c", site.communityCode()).update();
        if (rows != 1) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.bundle.already-accepted"));
        }
        audit.record(AuditEvent.success("BUNDLE_SITE_ACCEPT", Transitions.OBJECT_TYPE, applicationId.toString(),
                a.regionCode()).withDetail(site.communityCode() + (passed ? " PASS" : " FAIL")));
        return site(applicationId, site.communityCode());
    }

    /** Refuses the project's acceptance while a site of its bundle is not accepted. */
    void requireSitesAccepted(UUID applicationId) {
        boolean open = store.jdbc().sql("select exists (select 1 from projects.bundle_sites where application_id = :a "
                + "and result is null)").param("a", applicationId).query(Boolean.class).single();
        if (open) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.bundle.sites-open"));
        }
    }

    private Site site(UUID applicationId, String communityCode) {
        return sites(applicationId).stream().filter(s -> s.communityCode().equals(communityCode.strip())).findFirst()
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.bundle.subject")));
    }

    private Application managed(Actor actor, UUID id) {
        return store.application(id, ProjectScope.manage(actor, "a"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
    }
}
