package cn.wushe.registry;

import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.RegisteringPerson;
import cn.wushe.registry.internal.Registration;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.TestActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One application context for the registry's integration tests: real PostgreSQL, the fixture tree,
 * MockMvc, and fixed test keys (two versions, v1 primary) so that a rotation test can switch the
 * primary version without making other tests' rows unreadable.
 */
@SpringBootTest
@RegistryTestKeys
public abstract class RegistryIntegrationTestBase {

    /** Test-only keys (Base64 of 16 bytes), never used outside tests. */
    static final String KEY_V1 = "dGVzdC1rZXktdjEtMTIzNA==";
    static final String KEY_V2 = "dGVzdC1rZXktdjItNTY3OA==";

    @Autowired
    MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    RegisteringPerson registering;
    @Autowired
    protected cn.wushe.region.Grids grids;

    private static volatile boolean gridsSeeded;

    @org.junit.jupiter.api.BeforeEach
    void seedTheFixtureGrids() throws Exception {
        if (!gridsSeeded) {
            RegionFixture.seedGrids(mvc, grids);
            gridsSeeded = true;
        }
    }

    PersonId register(TestActor actor, PersonDraft draft) {
        Registration outcome = RegistryFixtures.as(actor, () -> registering.register(actor, draft, true));
        if (outcome instanceof Registration.Registered registered) {
            return registered.id();
        }
        throw new AssertionError("not registered: " + outcome);
    }

    PersonId registerInGrid1() {
        return register(RegistryFixtures.GRID_WORKER, RegistryFixtures.draftInGrid1());
    }

    static MockHttpServletRequestBuilder asUser(TestActor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(actor.authentication())).with(csrf()).contentType(MediaType.APPLICATION_JSON);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    long audits(String action) {
        return AuditFixture.entriesIn(jdbc).count(action);
    }
}
