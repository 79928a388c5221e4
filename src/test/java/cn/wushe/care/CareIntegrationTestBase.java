package cn.wushe.care;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.wushe.care.internal.CarePeople;
import cn.wushe.identity.MutableClock;
import cn.wushe.platform.ClockConfiguration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.region.Grids;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.RegistryTestPeople;
import cn.wushe.registry.internal.RegisteringPerson;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One application context for care's integration tests: real PostgreSQL, the registry's fixture
 * grids, people registered through the registry and known to care only through its directory, and a
 * clock the tests move.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CareIntegrationTestBase.Clocked.class)
public abstract class CareIntegrationTestBase {

    /**
     * A fixed spring start, not today's date: the tests move the clock by weeks of visit cycles and
     * working-day alert limits, and from the real date in December those would reach a year whose
     * working calendar is not entered yet (and be refused, as they are in production).
     */
    public static final Instant START = LocalDateTime.parse("2026-04-13T09:00").atZone(ClockConfiguration.ZONE).toInstant();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocked {

        @Bean
        @Primary
        MutableClock careClock() {
            return new MutableClock(START, ClockConfiguration.ZONE);
        }
    }

    public static final String COUNTY = RegistryTestPeople.COUNTY;
    public static final String TOWN = RegistryTestPeople.TOWN;
    public static final String DAOBEI = RegistryTestPeople.DAOBEI;
    public static final String GONGNONG = RegistryTestPeople.GONGNONG;
    public static final String GRID_1 = RegistryTestPeople.DAOBEI_GRID_1;
    public static final String GRID_2 = RegistryTestPeople.DAOBEI_GRID_2;
    public static final String NEIGHBOUR_COUNTY = RegistryTestPeople.NEIGHBOUR_COUNTY;

    /** Grid worker of 道北 grid 1: sees and visits only that grid. */
    public static final TestActor GRID_WORKER = actor("care-grid-worker", "GRID_WORKER", GRID_1,
            Permission.CARE_VIEW, Permission.CARE_VISIT);
    /** Grid worker of the next grid 道北 grid 2. */
    public static final TestActor NEXT_GRID_WORKER = actor("care-next-grid-worker", "GRID_WORKER", GRID_2,
            Permission.CARE_VIEW, Permission.CARE_VISIT);
    /** Community worker of 道北: views, visits, manages; no tier approval. */
    public static final TestActor COMMUNITY_WORKER = actor("care-community-worker", "COMMUNITY_WORKER", DAOBEI,
            Permission.CARE_VIEW, Permission.CARE_VISIT, Permission.CARE_MANAGE);
    /** Community worker of the sibling community 工农. */
    public static final TestActor SIBLING_WORKER = actor("care-sibling-worker", "COMMUNITY_WORKER", GONGNONG,
            Permission.CARE_VIEW, Permission.CARE_VISIT, Permission.CARE_MANAGE);
    /** Town social work station of 城关街道: approves tiers. */
    public static final TestActor TOWN_STATION = actor("care-town-station", "TOWN_STATION", TOWN,
            Permission.CARE_VIEW, Permission.CARE_VISIT, Permission.CARE_MANAGE, Permission.CARE_TIER_APPROVE,
            Permission.CASEWORK);
    /** Everything, in the neighbour county 蒲城县. */
    public static final TestActor NEIGHBOUR_STATION = actor("care-neighbour-station", "TOWN_STATION", NEIGHBOUR_COUNTY,
            Permission.CARE_VIEW, Permission.CARE_VISIT, Permission.CARE_MANAGE, Permission.CARE_TIER_APPROVE,
            Permission.CASEWORK);
    /** A volunteer: may visit county-wide, but sees only the households paired with them. */
    public static final TestActor VOLUNTEER = actor("care-volunteer", "VOLUNTEER", COUNTY, Permission.CARE_VISIT);

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected TransactionTemplate tx;
    @Autowired
    protected CarePeople carePeople;
    @Autowired
    RegisteringPerson registering;
    @Autowired
    Grids grids;

    @BeforeEach
    void fixtureGrids() throws Exception {
        RegistryTestPeople.seedGrids(mvc, grids);
    }

    public static TestActor actor(String username, String role, String scope, Permission... permissions) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        Arrays.stream(permissions).forEach(p -> grants.put(p, List.of(new RegionScope(scope))));
        return new TestActor(UUID.nameUUIDFromBytes(username.getBytes()), username, username, Set.of(role), grants);
    }

    /** A newly registered person, known to care at once (as the registry's event would make them). */
    protected UUID person(String community, String grid) {
        PersonId id = RegistryTestPeople.register(registering, community, grid);
        carePeople.refresh(community.substring(0, 6), List.of(id));
        return id.value();
    }

    /** A newly registered person in 道北 grid 1 with their identity number, known to care at once. */
    protected RegistryTestPeople.Registered registeredInGrid1() {
        RegistryTestPeople.Registered registered = RegistryTestPeople.registerWithNumber(registering, DAOBEI, GRID_1);
        carePeople.refresh(COUNTY, List.of(registered.id()));
        return registered;
    }

    protected UUID personInGrid1() {
        return person(DAOBEI, GRID_1);
    }

    protected static <T> T as(TestActor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(actor.authentication());
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The request as {@code actor} sends it from a signed-in page or client (with the CSRF token). */
    protected static <B extends AbstractMockHttpServletRequestBuilder<B>> B by(TestActor actor, B request) {
        return request.with(authentication(actor.authentication())).with(csrf());
    }

    /** A JSON request body as {@code actor} sends it. */
    protected static MockHttpServletRequestBuilder json(TestActor actor, MockHttpServletRequestBuilder request, String body) {
        return by(actor, request).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** An enabled account holding {@code role} at {@code scope}, as identity keeps it (for notices to a level). */
    protected UUID account(String username, String role, String scope) {
        UUID id = UUID.nameUUIDFromBytes(("care-account-" + username).getBytes());
        var now = java.sql.Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into identity.users (id, username, display_name, password_hash, password_changed_at,
                    must_change_password, enabled, home_region_code, county_code, created_at)
                values (:id, :username, :username, 'x', :now, false, true, left(:scope, 12), left(:scope, 6), :now)
                on conflict do nothing""").param("id", id).param("username", username).param("scope", scope)
                .param("now", now).update();
        jdbc.sql("""
                insert into identity.role_assignments (id, user_id, role, scope_code, county_code, granted_at)
                select :rid, :id, :role, :scope, left(:scope, 6), :now
                where not exists (select 1 from identity.role_assignments where user_id = :id and role = :role)""")
                .param("rid", UUID.randomUUID()).param("id", id).param("role", role).param("scope", scope)
                .param("now", now).update();
        return id;
    }
}
