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
 * MockMvc, and the envelope's stored data keys shared by every context (see {@link RegistryTestKeys}).
 */
@SpringBootTest
@RegistryTestKeys
public abstract class RegistryIntegrationTestBase {

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
