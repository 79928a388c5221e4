package cn.wushe.projects.internal;

import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode, after {@link DemoProjects}: last year's first funded project becomes a street bundle over
 * two communities (one reported), one organization carries a provincial project, two stations have
 * their brand, and last year's 优秀项目 selection is under publicity with its ranked nominations.
 * Written in bulk like the rest of the demo history (fixed ids, runs once).
 */
@Component
@Order(46)
@ConditionalOnBooleanProperty(name = "wushe.demo.enabled")
class DemoProjectExtras implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProjectExtras.class);

    private final ProjectStore store;
    private final Regions regions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String county;

    DemoProjectExtras(ProjectStore store, Regions regions, TransactionTemplate transaction, Clock clock,
            @Value("${wushe.home-county:610527}") String county) {
        this.store = store;
        this.regions = regions;
        this.transaction = transaction;
        this.clock = clock;
        this.county = county;
    }

    @Override
    public void run(ApplicationArguments args) {
        UUID fund = DemoProjects.id("fund:province");
        boolean done = store.jdbc().sql("select exists (select 1 from projects.external_funds where id = :f)").param("f", fund)
                .query(Boolean.class).single();
        List<Application> funded = store.jdbc().sql("select a.* from projects.applications a where a.round_id = :r "
                        + "and a.status in ('CONFIRMED', 'ACCEPTED') order by a.rank").param("r", DemoProjects.id("round:2025"))
                .query(ProjectStore::application).list();
        List<Region> towns = regions.children(county);
        if (done) {
            // a demo database seeded before the members' totals existed gets them now
            boolean unscored = store.jdbc().sql("select exists (select 1 from projects.award_nominations where id = :n) "
                            + "and not exists (select 1 from projects.award_scores where nomination_id = :n)")
                    .param("n", DemoProjects.id("nomination:0")).query(Boolean.class).single();
            if (unscored) {
                transaction.executeWithoutResult(status -> {
                    for (int i = 0; i < 3; i++) {
                        memberScores(i);
                    }
                });
            }
            return;
        }
        if (funded.size() < 3 || towns.size() < 2) {
            return;
        }
        List<Region> communities = regions.children(towns.getFirst().code());
        transaction.executeWithoutResult(status -> seed(funded, towns, communities, fund));
        log.info(DemoProjects.EXTRAS.get("log"), LocalDate.now(clock).getYear() - 1);
    }

    /**
     * Five members' totals around a nomination's mean (mean − 2 … mean + 2), so the trimmed mean the page
     * shows is the one stored and the count of members agrees with it.
     */
    private void memberScores(int nomination) {
        String[] members = DemoProjects.EXTRAS.get("members").split(",");
        for (int m = 0; m < members.length; m++) {
            store.jdbc().sql("insert into projects.award_scores (nomination_id, member, county_code, total) values (:n, :m, :c, :t) "
                            + "on conflict do nothing")
                    .param("n", DemoProjects.id("nomination:" + nomination)).param("m", members[m]).param("c", county)
                    .param("t", new java.math.BigDecimal(92 - nomination * 3 + m - 2)).update();
        }
    }

    private void seed(List<Application> funded, List<Region> towns, List<Region> communities, UUID fund) {
        LocalDate today = LocalDate.now(clock.withZone(RoundManagement.CHINA));
        Application bundle = funded.stream().filter(a -> a.status() == ApplicationStatus.CONFIRMED).findFirst()
                .orElse(funded.getFirst());
        for (int i = 0; i < Math.min(2, communities.size()); i++) {
            store.jdbc().sql("""
                    insert into projects.bundle_sites (application_id, community_code, county_code, targets, beneficiaries,
                        report_summary, reported_at, served)
                    values (:a, :c, :county, :t, :b, :s, :at, :served)
                    """).param("a", bundle.id()).param("c", communities.get(i).code()).param("county", county)
                    .param("t", DemoProjects.EXTRAS.get("target" + i))
                    .param("b", 40 + i * 20).param("s", i == 0 ? DemoProjects.EXTRAS.get("report0") : null)
                    .param("served", i == 0 ? 38 : null)
                    .param("at", i == 0 ? ProjectStore.ts(clock.instant()) : null).update();
        }
        Application carrier = funded.get(1);
        store.jdbc().sql("""
                insert into projects.external_funds (county_code, id, region_code, owner_unit_id, owner_name, funder_kind, funder,
                    title, field, amount, starts_on, ends_on, report_months, created_at)
                values (:c, :id, :region, :owner, :name, 'PROVINCE', :funder, :title, :field, 300000,
                    :starts, :ends, 3, now())
                """).param("c", county).param("id", fund).param("region", carrier.regionCode())
                .param("owner", carrier.ownerUnitId()).param("name", carrier.ownerName())
                .param("funder", DemoProjects.EXTRAS.get("funder")).param("title", DemoProjects.EXTRAS.get("fundTitle")).param("field", DemoProjects.EXTRAS.get("elderly"))
                .param("starts", today.withDayOfYear(1)).param("ends", today.withDayOfYear(1).plusYears(1).minusDays(1)).update();
        List<LocalDate> due = ExternalFunds.schedule(today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1), 3);
        for (int i = 0; i < due.size(); i++) {
            store.jdbc().sql("insert into projects.external_fund_reports (fund_id, number, county_code, due_on) values (:f, :n, :c, :d)")
                    .param("f", fund).param("n", i + 1).param("c", county).param("d", due.get(i)).update();
        }
        String[] brands = {DemoProjects.EXTRAS.get("brand0"), DemoProjects.EXTRAS.get("brand1")};
        for (int i = 0; i < 2; i++) {
            store.jdbc().sql("insert into projects.brands (county_code, id, station_code, name, field, project_ids, created_at) "
                            + "values (:c, :id, :s, :n, :f, :p, now())")
                    .param("c", county).param("id", DemoProjects.id("brand:" + i)).param("s", towns.get(i).code())
                    .param("n", brands[i]).param("f", DemoProjects.EXTRAS.get(i == 0 ? "elderly" : "governance"))
                    .param("p", new UUID[] { funded.get(i).id() }).update();
        }
        UUID selection = DemoProjects.id("award:project");
        store.jdbc().sql("insert into projects.award_selections (county_code, id, year, category, winners, status, publicity_until, "
                        + "created_at) values (:c, :id, :y, 'PROJECT', 2, 'PUBLICITY', :u, now())")
                .param("c", county).param("id", selection).param("y", today.getYear() - 1).param("u", today.plusDays(5)).update();
        for (int i = 0; i < 3; i++) {
            Application a = funded.get(i);
            store.jdbc().sql("insert into projects.award_nominations (selection_id, id, county_code, nominee, owner_name, summary, "
                            + "mean_score, rank, winner, created_at) values (:s, :id, :c, :n, :o, :t, :m, :r, :w, now())")
                    .param("s", selection).param("id", DemoProjects.id("nomination:" + i)).param("c", county)
                    .param("n", a.title()).param("o", a.ownerName()).param("t", DemoProjects.EXTRAS.get("summary"))
                    .param("m", new java.math.BigDecimal(92 - i * 3)).param("r", i + 1).param("w", i < 2).update();
            memberScores(i);
        }
    }
}
