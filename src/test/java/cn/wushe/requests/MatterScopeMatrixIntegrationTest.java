package cn.wushe.requests;

import static cn.wushe.requests.RequestsFixtures.DAOBEI;
import static cn.wushe.requests.RequestsFixtures.DAOBEI_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.GONGNONG;
import static cn.wushe.requests.RequestsFixtures.GONGNONG_COMMITTEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Matters in ONE table of who × what: the target is a matter taken at 道北's desk, sitting at 道北's
 * committee. Its own committee sees and handles it; the sibling community's committee and anybody
 * of another county do not see it at all (404, also when they hold every matter permission there);
 * the county administrator above sees it but takes no unit's step (403). Every cell works on a new
 * matter and checks that a refusal changed nothing.
 */
class MatterScopeMatrixIntegrationTest extends RequestsTestBase {

    enum Case {
        OWN(RequestsFixtures.communityWorker("matrix_own", DAOBEI, DAOBEI_COMMITTEE)),
        SIBLING(RequestsFixtures.communityWorker("matrix_sibling", GONGNONG, GONGNONG_COMMITTEE)),
        PARENT(RequestsFixtures.countyAdmin("matrix_parent", "610527")),
        OTHER_COUNTY(RequestsFixtures.actor("matrix_other", "COUNTY_ADMIN", "610526", Set.of(Permission.values()),
                RequestsFixtures.PUCHENG_CIVIL_AFFAIRS));

        final TestActor actor;

        Case(TestActor actor) {
            this.actor = actor;
        }
    }

    /** Every endpoint on one matter: API and pages. */
    enum Step {
        API_DETAIL("GET", "/api/v1/matters/{id}", null),
        API_SIGN("POST", "/api/v1/matters/{id}/sign", Map.of()),
        API_DECLINE("POST", "/api/v1/matters/{id}/decline", Map.of("reason", "不属于本单位")),
        API_FORWARD("POST", "/api/v1/matters/{id}/forward", Map.of()),
        API_SEND_BACK("POST", "/api/v1/matters/{id}/send-back", Map.of("reason", "下发")),
        API_MERGE("POST", "/api/v1/matters/{id}/merge", Map.of("into", "x")),
        API_RETURN("POST", "/api/v1/matters/{id}/return", Map.of("problems", List.of(Map.of("material", "photo", "problem", "模糊")))),
        API_RESUBMIT("POST", "/api/v1/matters/{id}/resubmit", Map.of()),
        API_CLOSE("POST", "/api/v1/matters/{id}/close", Map.of("result", "已修复")),
        API_REJECT("POST", "/api/v1/matters/{id}/reject", Map.of("reason", "材料仍不符合要求")),
        API_RATE("POST", "/api/v1/matters/{id}/rate", Map.of("rating", 5)),
        API_REOPEN("POST", "/api/v1/matters/{id}/reopen", Map.of("reason", "没修好")),
        API_FOLLOW_UP("POST", "/api/v1/matters/{id}/follow-ups", Map.of("note", "电话回访")),
        API_REVEAL("POST", "/api/v1/matters/{id}/reveal", Map.of("reason", "VISIT")),
        PAGE_DETAIL("GET", "/matters/{id}", null),
        PAGE_SIGN("FORM", "/matters/{id}/sign", Map.of()),
        PAGE_DECLINE("FORM", "/matters/{id}/decline", Map.of("reason", "不属于本单位")),
        PAGE_FORWARD("FORM", "/matters/{id}/forward", Map.of()),
        PAGE_SEND_BACK("FORM", "/matters/{id}/send-back", Map.of("reason", "下发")),
        PAGE_MERGE("FORM", "/matters/{id}/merge", Map.of("into", "x")),
        PAGE_RETURN("FORM", "/matters/{id}/return", Map.of("problem-photo", "模糊")),
        PAGE_RESUBMIT("MULTIPART", "/matters/{id}/resubmit", Map.of()),
        PAGE_CLOSE("MULTIPART", "/matters/{id}/close", Map.of("result", "已修复")),
        PAGE_REJECT("FORM", "/matters/{id}/reject", Map.of("reason", "材料仍不符合要求")),
        PAGE_RATE("FORM", "/matters/{id}/rate", Map.of("rating", "5")),
        PAGE_REOPEN("FORM", "/matters/{id}/reopen", Map.of("reason", "没修好")),
        PAGE_FOLLOW_UP("FORM", "/matters/{id}/follow-ups", Map.of("note", "电话回访")),
        PAGE_REVEAL("FORM", "/matters/{id}/reveal", Map.of("reason", "VISIT"));

        final String method;
        final String path;
        final Map<String, ?> body;

        Step(String method, String path, Map<String, ?> body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        boolean read() {
            return method.equals("GET");
        }

        boolean applicantOnly() {
            return name().endsWith("_RATE") || name().endsWith("_REOPEN");
        }
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Case.values()).flatMap(c -> Arrays.stream(Step.values()).map(s -> Arguments.of(c, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void scopeDecides(Case c, Step step) throws Exception {
        UUID id = submit(Case.OWN.actor, deskStreetlight(DAOBEI));
        long version = version(id);
        MockHttpServletResponse response = perform(c.actor, step, id);
        switch (c) {
            case OWN -> {
                if (step.applicantOnly()) {
                    assertThat(response.getStatus()).as("only the applicant rates or reopens").isEqualTo(404);
                } else {
                    assertThat(response.getStatus()).as("visible to its own committee").isNotIn(403, 404);
                }
            }
            case PARENT -> {
                if (step.read()) {
                    assertThat(response.getStatus()).isEqualTo(200);
                } else if (step.name().endsWith("FOLLOW_UP")) {
                    assertThat(response.getStatus()).as("the county records follow-up calls").isIn(200, 302);
                } else {
                    assertThat(response.getStatus()).as("seen, not handled").isIn(403, 404);
                }
            }
            case SIBLING, OTHER_COUNTY -> assertThat(response.getStatus()).isEqualTo(404);
        }
        if (c != Case.OWN && !step.read() && !step.name().endsWith("FOLLOW_UP")) {
            assertThat(version(id)).as("a refusal changes nothing").isEqualTo(version);
        }
    }

    /** Lists: the matter is listed for its own committee and the county only; an intake elsewhere is refused on the field. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Case.class)
    void scopeDecidesListsAndIntake(Case c) throws Exception {
        UUID id = submit(Case.OWN.actor, deskStreetlight(DAOBEI));
        boolean sees = c == Case.OWN || c == Case.PARENT;
        String api = get(c.actor, "/api/v1/matters?box=ALL&size=100").getContentAsString();
        assertThat(api.contains(id.toString())).isEqualTo(sees);
        String page = get(c.actor, "/matters?box=ALL").getContentAsString();
        assertThat(page.contains(id.toString())).isEqualTo(sees);
        MockHttpServletResponse intake = post(c.actor, "/api/v1/matters", deskStreetlight(DAOBEI));
        if (c == Case.OWN) {
            assertThat(intake.getStatus()).isEqualTo(201);
        } else {
            assertThat(intake.getStatus()).isIn(403);
        }
        MockHttpServletResponse form = mvc.perform(MockMvcRequestBuilders.multipart("/matters").param("item", "streetlight")
                .param("channel", "DESK").param("regionCode", DAOBEI).param("description", "路灯不亮")
                .param("applicantName", "李四").param("applicantPhone", "13912345678").param("desk-photo", "on")
                .with(authentication(c.actor.authentication())).with(csrf())).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(c == Case.OWN ? 302 : 403);
    }

    private long version(UUID id) {
        return jdbc.sql("select version from requests.matters where id = :id").param("id", id).query(Long.class).single();
    }

    private MockHttpServletResponse perform(TestActor actor, Step step, UUID id) throws Exception {
        String path = step.path.replace("{id}", id.toString());
        var auth = authentication(actor.authentication());
        return switch (step.method) {
            case "GET" -> mvc.perform(MockMvcRequestBuilders.get(path).with(auth)).andReturn().getResponse();
            case "POST" -> post(actor, path, step.body);
            case "MULTIPART" -> {
                var form = MockMvcRequestBuilders.multipart(path).with(auth).with(csrf());
                step.body.forEach((k, v) -> form.param(k, String.valueOf(v)));
                yield mvc.perform(form).andReturn().getResponse();
            }
            default -> {
                var form = MockMvcRequestBuilders.post(path).with(auth).with(csrf());
                step.body.forEach((k, v) -> form.param(k, String.valueOf(v)));
                yield mvc.perform(form).andReturn().getResponse();
            }
        };
    }
}
