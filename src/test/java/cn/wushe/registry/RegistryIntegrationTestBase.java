package cn.wushe.registry;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.wushe.platform.TestActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** One application context for the registry's integration tests: real PostgreSQL, the fixture tree, MockMvc. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(RegionFixture.class)
abstract class RegistryIntegrationTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisteringPerson registering;

    PersonId register(TestActor actor, PersonDraft draft) {
        Registration outcome = RegistryFixtures.as(actor, () -> registering.register(draft, true));
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
        return jdbc.sql("select count(*) from audit.entries where action = :a").param("a", action).query(Long.class).single();
    }
}
