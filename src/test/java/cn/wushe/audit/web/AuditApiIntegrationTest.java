package cn.wushe.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditFixture;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The audit API (security.md checks 25 and 28): only audit admins read it, others are told it does
 * not exist; every query and verification, and every refused attempt, is itself an entry carrying
 * who, with which roles and scope, from where, in which request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditApiIntegrationTest {

    static final String HOME = "610527";
    static final String NEIGHBOUR = "610526";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    static TestActor auditor(String county) {
        return TestActor.of(unique("auditor"), "AUDIT_ADMIN", county, Permission.AUDIT_READ);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Stream<Arguments> nonAuditors() {
        return Stream.of(
                Arguments.of(TestActor.of(unique("worker"), "COMMUNITY_WORKER", "610527100001",
                        Permission.GRID_VIEW, Permission.PERSON_VIEW, Permission.PII_UNMASK)),
                Arguments.of(TestActor.of(unique("sysadmin"), "SYSTEM_ADMIN", HOME, Permission.USER_MANAGE)),
                Arguments.of(TestActor.of(unique("secadmin"), "SECURITY_ADMIN", HOME, Permission.ROLE_MANAGE)),
                Arguments.of(TestActor.of(unique("county"), "COUNTY_ADMIN", HOME, Permission.GRID_EDIT,
                        Permission.PERSON_EDIT, Permission.PERSON_EXPORT)));
    }

    @ParameterizedTest
    @MethodSource("nonAuditors")
    void othersAreToldTheLogDoesNotExistAndTheAttemptIsRecorded(TestActor actor) throws Exception {
        mvc.perform(get("/api/v1/audit/entries").param("objectType", "PERSON").with(authentication(actor.authentication())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.total").doesNotExist());
        mvc.perform(post("/api/v1/audit/verify").with(csrf()).with(authentication(actor.authentication())))
                .andExpect(status().isNotFound());
        // invalid input does not tell them more either
        mvc.perform(get("/api/v1/audit/entries").param("from", "gestern").with(authentication(actor.authentication())))
                .andExpect(status().isNotFound());

        assertThat(AuditFixture.entriesIn(jdbc).byActor(actor.username()).stream()
                .filter(e -> e.outcome().equals("DENIED")).map(AuditFixture.Entry::action))
                .containsExactly("AUDIT_QUERY", "AUDIT_VERIFY", "AUDIT_QUERY");
    }

    @Test
    void signedOutCallerGets401() throws Exception {
        mvc.perform(get("/api/v1/audit/entries")).andExpect(status().isUnauthorized());
    }

    @Test
    void auditorFindsWhoAccessedARecordAndTheQueryIsItselfRecorded() throws Exception {
        TestActor auditor = auditor(HOME);
        String personId = unique("person");
        log.record(AuditEvent.success("PERSON_VIEW", "PERSON", personId, "610527100001").withReason("走访核实"));
        log.record(AuditEvent.success("PERSON_UNMASK", "PERSON", personId, "610527100001").withReason("低保复核"));

        mvc.perform(get("/api/v1/audit/entries").param("objectType", "PERSON").param("objectId", personId)
                        .with(authentication(auditor.authentication())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].action").value("PERSON_UNMASK"))
                .andExpect(jsonPath("$.items[0].reason").value("低保复核"))
                .andExpect(jsonPath("$.items[0].chain").value(HOME))
                .andExpect(jsonPath("$.items[1].action").value("PERSON_VIEW"));

        List<AuditFixture.Entry> queries = AuditFixture.entriesIn(jdbc).byActor(auditor.username()).stream()
                .filter(e -> e.action().equals("AUDIT_QUERY")).toList();
        assertThat(queries).hasSize(1);
        AuditFixture.Entry query = queries.getFirst();
        assertThat(query.outcome()).isEqualTo("SUCCESS");
        assertThat(query.detail()).contains("objectType=PERSON", "objectId=" + personId, "total=2");
    }

    @Test
    void auditorOfTheNeighbouringCountyDoesNotSeeThisCountysEntries() throws Exception {
        String personId = unique("person");
        log.record(AuditEvent.success("PERSON_VIEW", "PERSON", personId, "610527100001"));

        mvc.perform(get("/api/v1/audit/entries").param("objectId", personId)
                        .with(authentication(auditor(NEIGHBOUR).authentication())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/audit/entries").param("objectId", personId)
                        .with(authentication(auditor(HOME).authentication())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        // the page: an entry's object links to its accesses; the filter field alone only echoes the id
        String row = ">" + personId + "</a>";
        assertThat(auditPage(HOME, personId)).contains(row);
        assertThat(auditPage(NEIGHBOUR, personId)).doesNotContain(row);
    }

    private String auditPage(String county, String objectId) throws Exception {
        return mvc.perform(get("/audit").param("objectId", objectId).with(authentication(auditor(county).authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void entryOfAnHttpCallCarriesActorRolesScopeAddressAndRequestId() throws Exception {
        TestActor auditor = auditor(HOME);
        String requestId = "req-" + UUID.randomUUID();

        mvc.perform(get("/api/v1/audit/entries").header("X-Request-Id", requestId)
                        .with(authentication(auditor.authentication())).with(remoteAddress("203.0.113.7")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", requestId));

        AuditFixture.Entry entry = AuditFixture.entriesIn(jdbc).withRequestId(requestId).orElseThrow();
        assertThat(entry).extracting(AuditFixture.Entry::actorId, AuditFixture.Entry::actorName,
                        AuditFixture.Entry::actorRoles, AuditFixture.Entry::actorScope, AuditFixture.Entry::clientIp,
                        AuditFixture.Entry::action, AuditFixture.Entry::outcome, AuditFixture.Entry::chain,
                        AuditFixture.Entry::timed)
                .containsExactly(auditor.id(), auditor.username(), "AUDIT_ADMIN", HOME, "203.0.113.7", "AUDIT_QUERY",
                        "SUCCESS", "system", true);
    }

    @Test
    void verificationReportsEveryChainAndIsRecorded() throws Exception {
        TestActor auditor = auditor(HOME);
        AuditFixture fixture = new AuditFixture(log, jdbc, env);
        String county = fixture.freshCounty();
        fixture.record(county, 3);

        String body = mvc.perform(post("/api/v1/audit/verify").with(csrf())
                        .with(authentication(auditor.authentication())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value(containsString("已校验")))
                .andReturn().getResponse().getContentAsString();
        // the county's three entries are spread over its lanes, each reported on its own
        String lanes = "$.chains[?(@.chain == '" + county + "')]";
        assertThat(JsonPath.<List<Boolean>>read(body, lanes + ".intact")).isNotEmpty().containsOnly(true);
        assertThat(JsonPath.<List<Integer>>read(body, lanes + ".entries").stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(3);
        assertThat(JsonPath.<List<Integer>>read(body, lanes + ".lane")).doesNotHaveDuplicates();

        assertThat(AuditFixture.entriesIn(jdbc).byActor(auditor.username()))
                .filteredOn(e -> e.action().equals("AUDIT_VERIFY")).hasSize(1);
    }

    @Test
    void wrongFiltersGetChineseMessagesPerField() throws Exception {
        mvc.perform(get("/api/v1/audit/entries").param("from", "2026-05-02T00:00").param("to", "2026-05-01T00:00")
                        .param("outcome", "MAYBE").param("size", "500")
                        .with(authentication(auditor(HOME).authentication())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'to')].message").value("结束时间应晚于开始时间"))
                .andExpect(jsonPath("$.errors[?(@.field == 'outcome')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'size')].message").value("每页条数应在 1 到 200 之间"));
    }

    @Test
    void timesWithAnOffsetOrInBeijingTimeSelectTheSameEntries() throws Exception {
        TestActor auditor = auditor(HOME);
        String personId = unique("person");
        log.record(AuditEvent.success("PERSON_VIEW", "PERSON", personId, "610527100001"));

        for (String from : new String[] {"2000-01-01T08:00", "2000-01-01T00:00:00Z", "2000-01-01T08:00:00+08:00",
                "2000-01-01T08:00:00 08:00"}) {
            mvc.perform(get("/api/v1/audit/entries").param("objectId", personId).param("from", from)
                            .param("to", "2999-01-01T00:00").with(authentication(auditor.authentication())))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        }
        mvc.perform(get("/api/v1/audit/entries").param("objectId", personId).param("to", "2000-01-01T08:00")
                        .with(authentication(auditor.authentication())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    private static RequestPostProcessor remoteAddress(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }
}
