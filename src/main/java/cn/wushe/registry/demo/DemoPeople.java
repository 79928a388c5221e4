package cn.wushe.registry.demo;

import cn.wushe.registry.PersonId;
import cn.wushe.registry.internal.DemoResident;

import cn.wushe.platform.ScopeLevel;
import cn.wushe.region.Grid;
import cn.wushe.region.Grids;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import cn.wushe.registry.demo.GeneratedPeople.Household;
import cn.wushe.registry.demo.GeneratedPeople.Place;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: about 3,000 people in need of 白水县 in households over its towns, villages and
 * grids, written once (idempotent: skipped when demo people exist). Runs after the region tree
 * (order 10), the demo grids (20) and the demo accounts (30). The demo resident account is linked
 * to {@link #DEMO_RESIDENT} on its first visit to 我的信息.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "wushe.demo.enabled", havingValue = "true")
class DemoPeople implements ApplicationRunner, DemoResident {

    static final UUID DEMO_ACTOR = GeneratedPeople.CREATED_BY;
    static final String DEMO_RESIDENT_USERNAME = "resident";
    private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

    private final Regions regions;
    private final Grids grids;
    private final BulkLoad bulk;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String county;
    private final int count;

    DemoPeople(Regions regions, Grids grids, BulkLoad bulk, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            @Value("${wushe.home-county:610527}") String county, @Value("${wushe.demo.people:3000}") int count) {
        this.regions = regions;
        this.grids = grids;
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.county = county;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (present()) {
            log.info("Demo people present; nothing generated");
            return;
        }
        List<Place> places = places();
        if (places.isEmpty()) {
            log.warn("No communities of county {} found; demo people not generated", county);
            return;
        }
        List<Household> households = new GeneratedPeople(2026, LocalDate.now(clock)).households(places, count);
        Integer written = tx.execute(status -> bulk.write(households, DEMO_ACTOR, clock.instant()));
        log.info("Demo people: {} in {} households over {} communities", written, households.size(),
                places.stream().map(Place::communityCode).distinct().count());
    }

    boolean present() {
        return jdbc.sql("select exists (select 1 from registry.people where created_by = :demo)")
                .param("demo", DEMO_ACTOR).query(Boolean.class).single();
    }

    /** The demo resident's own record: the head of the first demo household in 道北社区, by a stable order. */
    @Override
    public Optional<PersonId> recordOf(String username) {
        if (!DEMO_RESIDENT_USERNAME.equalsIgnoreCase(username)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id from registry.people where created_by = :demo and community_code = :community
                  and relation_to_head = 'SELF' order by id limit 1""")
                .param("demo", DEMO_ACTOR).param("community", county + "001001")
                .query((rs, i) -> new PersonId(rs.getObject(1, UUID.class))).optional();
    }

    List<Place> places() {
        List<Place> places = new ArrayList<>();
        for (Region town : regions.children(county)) {
            for (Region community : regions.children(town.code())) {
                if (community.level() != ScopeLevel.COMMUNITY) {
                    continue;
                }
                List<String> gridCodes = grids.ofCommunity(community.code()).stream().filter(Grid::active).map(Grid::code).toList();
                Place place = new Place(community.code(), community.name().contains("村"), gridCodes);
                places.add(place);
                if (!place.village()) {
                    places.add(place); // urban communities are larger: twice the weight
                }
            }
        }
        return places;
    }
}
