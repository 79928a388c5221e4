package cn.wushe.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.units.CreditCodeCivilAffairsUnitTest;
import cn.wushe.units.UnitId;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register in one table of who × what: the county admin of 白水县 (own county), a town office of
 * 城关街道 (child: the county-registered target is above it), a county admin of 蒲城县 (other county),
 * the target's own staff (ORG_OWN) and another organization's staff. Outside the scope the
 * organization does not exist (404); registration with a faulty credit code names the faulty part.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationScopeIntegrationTest {

    static final UnitId TARGET = fixed("target");
    static final UnitId OTHER = fixed("other");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static UnitId fixed(String key) {
        return new UnitId(UUID.nameUUIDFromBytes(("organizations-test:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    static TestActor actor(String name, String scope, Permission... permissions) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        for (Permission p : permissions) {
            grants.put(p, List.of(new RegionScope(scope)));
        }
        return new TestActor(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name, name, Set.of("TEST"), grants);
    }

    static final TestActor ADMIN = actor("org_admin", "610527", Permission.ORG_VIEW, Permission.ORG_MANAGE);

    @BeforeAll
    void organizations(@Autowired OrganizationRegister register, @Autowired TransactionTemplate tx) {
        tx.executeWithoutResult(s -> {
            if (jdbc.sql("select count(*) from organizations.organizations where id = :id").param("id", TARGET.value())
                    .query(Integer.class).single() == 0) {
                register.register(ADMIN, TARGET, request("SOCIAL_SERVICE", "范围测试社工服务中心",
                        CreditCodeCivilAffairsUnitTest.valid("52", "610527", "MCP00001")), "测试数据");
                register.register(ADMIN, OTHER, request("SOCIAL_GROUP", "范围测试协会",
                        CreditCodeCivilAffairsUnitTest.valid("51", "610527", "MCP00002")), "测试数据");
            }
        });
    }

    static OrganizationRegister.NewOrganization request(String kind, String name, String code) {
        return new OrganizationRegister.NewOrganization(kind, name, "610527", code, "李建华", "610527198003150010",
                "13800138000", "SINGLE", "为老服务、儿童关爱", null, null, null);
    }

    enum Who {
        OWN_COUNTY, CHILD_TOWN_OFFICE, OTHER_COUNTY, OWN_STAFF, OTHER_STAFF;

        TestActor actor() {
            return switch (this) {
                case OWN_COUNTY -> ADMIN;
                case CHILD_TOWN_OFFICE -> OrganizationScopeIntegrationTest.actor("org_town", "610527001", Permission.ORG_VIEW, Permission.ORG_MANAGE);
                case OTHER_COUNTY -> OrganizationScopeIntegrationTest.actor("org_pucheng", "610526", Permission.ORG_VIEW, Permission.ORG_MANAGE);
                case OWN_STAFF -> OrganizationScopeIntegrationTest.actor("org_staff_own", "610527", Permission.ORG_OWN).inUnits(TARGET.value());
                case OTHER_STAFF -> OrganizationScopeIntegrationTest.actor("org_staff_other", "610527", Permission.ORG_OWN).inUnits(OTHER.value());
            };
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "OWN_COUNTY,READ,200", "OWN_COUNTY,PAGE,200", "OWN_COUNTY,CHANGE,200", "OWN_COUNTY,GRADE,200",
            "OWN_COUNTY,ANNUAL,200", "OWN_COUNTY,DEREGISTER,200", "OWN_COUNTY,PAGE_DEREGISTER,302",
            "CHILD_TOWN_OFFICE,READ,404", "CHILD_TOWN_OFFICE,PAGE,404", "CHILD_TOWN_OFFICE,CHANGE,404",
            "CHILD_TOWN_OFFICE,DEREGISTER,404", "CHILD_TOWN_OFFICE,PAGE_DEREGISTER,404",
            "OTHER_COUNTY,READ,404", "OTHER_COUNTY,PAGE,404", "OTHER_COUNTY,CHANGE,404", "OTHER_COUNTY,GRADE,404",
            "OTHER_COUNTY,ANNUAL,404", "OTHER_COUNTY,DEREGISTER,404", "OTHER_COUNTY,PAGE_DEREGISTER,404",
            "OWN_STAFF,READ,200", "OWN_STAFF,PAGE,200", "OWN_STAFF,CHANGE,403", "OWN_STAFF,DEREGISTER,403",
            "OTHER_STAFF,READ,404", "OTHER_STAFF,PAGE,404"})
    void scopeDecides(Who who, String action, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request(who, action)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(expected);
        if (expected == 200 && action.equals("READ")) {
            String body = response.getContentAsString();
            assertThat(body).contains("610527********0010").contains("138****8000").doesNotContain("19800315")
                    .doesNotContain("13800138000");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"OWN_COUNTY,true", "CHILD_TOWN_OFFICE,false", "OTHER_COUNTY,false", "OWN_STAFF,true", "OTHER_STAFF,false"})
    void listsOnlyWhatIsInScope(Who who, boolean listed) throws Exception {
        var auth = authentication(who.actor().authentication());
        String api = mvc.perform(get("/api/v1/organizations").param("q", "范围测试社工").with(auth)).andReturn().getResponse()
                .getContentAsString();
        String page = mvc.perform(get("/organizations").param("q", "范围测试社工").with(auth)).andReturn().getResponse()
                .getContentAsString();
        assertThat(api.contains(TARGET.toString())).isEqualTo(listed);
        assertThat(page.contains("范围测试社工服务中心")).isEqualTo(listed);
    }

    @Test
    void registeringNamesTheFaultyPartAndWritesNothing() throws Exception {
        var auth = authentication(ADMIN.authentication());
        long before = jdbc.sql("select count(*) from organizations.organizations").query(Long.class).single();
        String wrongKind = CreditCodeCivilAffairsUnitTest.valid("52", "610527", "MCP00003");
        MockHttpServletResponse api = mvc.perform(post("/api/v1/organizations").with(auth).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"FOUNDATION","name":"错误类别基金会","regionCode":"610527","creditCode":"%s",
                         "leaderName":"王强","leaderIdNumber":"610527198003150010"}""".formatted(wrongKind)))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentAsString()).contains("第 2 位（机构类别代码）应为 3（基金会）");
        MockHttpServletResponse form = mvc.perform(post("/organizations").with(auth).with(csrf()).param("kind", "SOCIAL_GROUP")
                .param("name", "重复代码协会").param("regionCode", "610527")
                .param("creditCode", CreditCodeCivilAffairsUnitTest.valid("51", "610527", "MCP00002"))
                .param("leaderName", "王强").param("leaderIdNumber", "610527198003150010")).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(409);
        assertThat(form.getContentAsString()).contains("已登记");
        MockHttpServletResponse outside = mvc.perform(post("/organizations").with(auth).with(csrf()).param("kind", "COMMUNITY")
                .param("name", "外县老年协会").param("regionCode", "610526001001").param("communityType", "ELDERLY_ASSOCIATION")
                .param("members", "12").param("leaderName", "王强")).andReturn().getResponse();
        assertThat(outside.getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from organizations.organizations").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aTownOfficeFilesACommunityOrganizationInItsTown() throws Exception {
        var auth = authentication(Who.CHILD_TOWN_OFFICE.actor().authentication());
        MockHttpServletResponse created = mvc.perform(post("/organizations").with(auth).with(csrf()).param("kind", "COMMUNITY")
                .param("name", "道北社区测试老年协会").param("regionCode", "610527001001")
                .param("communityType", "ELDERLY_ASSOCIATION").param("members", "23").param("leaderName", "赵秀兰"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select filing_number from organizations.organizations where name = '道北社区测试老年协会'")
                .query(String.class).single()).startsWith("610527001-");
        assertThat(mvc.perform(get("/organizations/new").with(auth)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void incubationRunsFromApplicationToGraduationWithACertificate() throws Exception {
        var auth = authentication(ADMIN.authentication());
        var other = authentication(Who.OTHER_COUNTY.actor().authentication());
        String base = "/api/v1/organizations/" + OTHER + "/incubation/";
        assertThat(mvc.perform(post(base + "apply").with(other).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post(base + "apply").with(auth).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post(base + "apply").with(auth).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(post(base + "admit").with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"termUntil\":\"2099-12-31\",\"place\":\"县社会组织孵化基地 3 号室\"}")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post(base + "service").with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"CAPACITY_BUILDING\",\"note\":\"财务制度培训\"}")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post(base + "evaluate").with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"checklist\":{\"GOVERNANCE\":true,\"FINANCE\":true,\"STAFF\":true,\"PROJECT\":true,"
                        + "\"REGISTRATION\":true}}")).andReturn().getResponse().getStatus()).isEqualTo(200);
        MockHttpServletResponse pdf = mvc.perform(post(base + "graduate").with(auth).with(csrf())).andReturn().getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
                    .contains("范围测试协会").contains("出壳").doesNotContain("610527198003150010");
        }
        String shown = mvc.perform(get("/api/v1/organizations/" + OTHER + "/incubation").with(auth)).andReturn().getResponse()
                .getContentAsString();
        assertThat(shown).contains("GRADUATED").contains("财务制度培训");
        assertThat(mvc.perform(get("/api/v1/organizations/" + OTHER + "/incubation").with(other)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    private RequestBuilder request(Who who, String action) {
        var auth = authentication(who.actor().authentication());
        String api = "/api/v1/organizations/" + TARGET;
        String page = "/organizations/" + TARGET;
        long version = jdbc.sql("select version from organizations.organizations where id = :id").param("id", TARGET.value())
                .query(Long.class).single();
        return switch (action) {
            case "READ" -> get(api).with(auth);
            case "PAGE" -> get(page).with(auth);
            case "CHANGE" -> put(api).with(auth).with(csrf()).header("If-Match", "\"" + version + "\"")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"partyStatus\":\"JOINT\"}");
            case "GRADE" -> post(api + "/grade").with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"grade\":4,\"validUntil\":\"2030-12-31\"}");
            case "ANNUAL" -> post(api + "/annual-reports").with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"year\":2025,\"result\":\"UNQUALIFIED\"}");
            case "DEREGISTER" -> post(api + "/deregister").with(auth).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\":\"自行解散\"}");
            case "PAGE_DEREGISTER" -> post(page + "/deregister").with(auth).with(csrf()).param("reason", "自行解散");
            default -> throw new IllegalArgumentException(action);
        };
    }
}
