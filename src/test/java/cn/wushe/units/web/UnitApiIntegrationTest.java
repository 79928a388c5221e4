package cn.wushe.units.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.DomainException;
import cn.wushe.units.TestCommittees;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.UnitRegistered;
import cn.wushe.units.UnitRetired;
import cn.wushe.units.internal.UnitManagement;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The units API beyond scope: registration with its field rules (level, region, credit code,
 * parent), Idempotency-Key, ETag/If-Match, the retire rules, events and audit entries.
 */
@RecordApplicationEvents
class UnitApiIntegrationTest extends UnitWebIntegrationTestBase {

    private final Authentication county = UnitFixtures.admin("units_api_county", "610527").authentication();

    @Autowired
    ApplicationEvents events;

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/units").with(authentication(county)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String created(String json) throws Exception {
        return JsonPath.read(create(json).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void registersAUnitWithItsETagEventAndAuditEntry() throws Exception {
        String body = create("{\"kind\":\"SOCIAL_ORGANIZATION\",\"name\":\"白水县测试公益服务中心\",\"regionCode\":\"610527\","
                + "\"creditCode\":\"52610527mju000009m\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.kindLabel").value("社会组织"))
                .andExpect(jsonPath("$.regionName").value("陕西省/渭南市/白水县"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        assertThat(events.stream(UnitRegistered.class)).anyMatch(e -> e.unitId().toString().equals(id)
                && e.countyCode().equals("610527"));
        assertThat(AuditFixture.entriesIn(jdbc).about("UNIT_CREATE", id)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("白水县测试公益服务中心"));
    }

    @Test
    void refusesEveryWrongFieldInChineseAndWritesNothing() throws Exception {
        create("{\"kind\":\"TOWN_STATION\",\"name\":\"站\",\"regionCode\":\"610527\",\"creditCode\":\"91350100M000100Y44\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='name')].message").value("单位名称须为 2 至 60 个字"))
                .andExpect(jsonPath("$.errors[?(@.field=='regionCode')].message").value(org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.startsWith("“镇（街道）社工站”须登记在相应层级的区划"))))
                .andExpect(jsonPath("$.errors[?(@.field=='creditCode')].message").value("统一社会信用代码校验码不正确，请核对"));
        create("{\"kind\":\"BANK\",\"name\":\"某单位\",\"regionCode\":\"610527999\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='kind')].message").value("请选择单位类型"))
                .andExpect(jsonPath("$.errors[?(@.field=='regionCode')].message").value("所在区划代码不存在"));
        assertThat(jdbc.sql("select count(*) from units.units where name = '某单位'").query(Long.class).single()).isZero();
    }

    @Test
    void anIdempotencyKeyRegistersOnce() throws Exception {
        String json = "{\"kind\":\"COMPANY\",\"name\":\"白水县测试幂等企业\",\"regionCode\":\"610527001\"}";
        String first = mvc.perform(post("/api/v1/units").with(authentication(county)).with(csrf())
                        .header("Idempotency-Key", "units-api-once").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/units").with(authentication(county)).with(csrf())
                        .header("Idempotency-Key", "units-api-once").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<String>read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        assertThat(jdbc.sql("select count(*) from units.units where name = '白水县测试幂等企业'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void editsNeedTheCurrentVersion() throws Exception {
        String id = created("{\"kind\":\"COUNTY_DEPARTMENT\",\"name\":\"白水县测试局\",\"regionCode\":\"610527\"}");
        String path = "/api/v1/units/" + id;
        String change = "{\"name\":\"白水县测试管理局\",\"creditCode\":\"11610527MB0000001H\"}";

        mvc.perform(put(path).with(authentication(county)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(put(path).with(authentication(county)).with(csrf()).header("If-Match", "\"7\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"白水县测试管理局\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put(path).with(authentication(county)).with(csrf()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"));
        mvc.perform(put(path).with(authentication(county)).with(csrf()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"白水县测试管理局\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("白水县测试管理局"));
        assertThat(AuditFixture.entriesIn(jdbc).about("UNIT_UPDATE", id)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("白水县测试局", "白水县测试管理局"));
    }

    @Test
    void aParentMustBeActiveAndAtOrAboveTheUnitsRegion() throws Exception {
        String townStation = created("{\"kind\":\"TOWN_STATION\",\"name\":\"测试尧禾镇社工站\",\"regionCode\":\"610527102\"}");
        create("{\"kind\":\"COMMUNITY_ROOM\",\"name\":\"测试道北社区社工室\",\"regionCode\":\"610527001001\",\"parentId\":\""
                + townStation + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].message").value("上级单位“测试尧禾镇社工站”的区划须包含本单位所在区划"));
        create("{\"kind\":\"COMMUNITY_ROOM\",\"name\":\"测试道北社区社工室\",\"regionCode\":\"610527001001\",\"parentId\":\""
                + UnitFixtures.PUCHENG_DEPARTMENT + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("上级单位不存在或不在您的管辖范围内"));
        String room = created("{\"kind\":\"COMMUNITY_ROOM\",\"name\":\"测试道北社区社工室\",\"regionCode\":\"610527001001\","
                + "\"parentId\":\"" + UnitFixtures.STATION + "\"}");
        // the station may not report to its own room
        mvc.perform(put("/api/v1/units/" + UnitFixtures.STATION).with(authentication(county)).with(csrf())
                        .header("If-Match", "\"" + version(UnitFixtures.STATION) + "\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"矩阵测试社工站\",\"parentId\":\"" + room + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    }

    @Test
    void aUnitWithActiveChildrenIsRetiredOnlyAfterThem() throws Exception {
        String county = created("{\"kind\":\"COUNTY_STATION\",\"name\":\"测试社工总站\",\"regionCode\":\"610527\"}");
        String town = created("{\"kind\":\"TOWN_STATION\",\"name\":\"测试城关社工站\",\"regionCode\":\"610527001\",\"parentId\":\""
                + county + "\"}");

        mvc.perform(post("/api/v1/units/{id}/retire", county).with(authentication(this.county)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/unit-has-children"));
        mvc.perform(get("/api/v1/units/{id}", county).with(authentication(this.county)))
                .andExpect(jsonPath("$.children[0].name").value("测试城关社工站"));
        mvc.perform(post("/api/v1/units/{id}/retire", town).with(authentication(this.county)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(post("/api/v1/units/{id}/retire", county).with(authentication(this.county)).with(csrf()))
                .andExpect(status().isOk());

        mvc.perform(put("/api/v1/units/{id}", town).with(authentication(this.county)).with(csrf()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"复用名称\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/unit-retired"));
        create("{\"kind\":\"TOWN_STATION\",\"name\":\"测试城关社工站二\",\"regionCode\":\"610527001\",\"parentId\":\"" + county + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("上级单位“测试社工总站”已撤销"));
        // a retired unit's name is free again in its region
        created("{\"kind\":\"TOWN_STATION\",\"name\":\"测试城关社工站\",\"regionCode\":\"610527001\"}");
        assertThat(events.stream(UnitRetired.class)).hasSize(2);
        assertThat(AuditFixture.entriesIn(jdbc).about("UNIT_RETIRE", county)).hasSize(1);
    }

    @Test
    void aNameOrCreditCodeIsTakenOnce() throws Exception {
        created("{\"kind\":\"CHARITY_ORGANIZATION\",\"name\":\"白水县测试慈善会\",\"regionCode\":\"610527\","
                + "\"creditCode\":\"51610527MJU000008M\"}");
        create("{\"kind\":\"CHARITY_ORGANIZATION\",\"name\":\"白水县测试慈善会\",\"regionCode\":\"610527\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/unit-exists"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        create("{\"kind\":\"CHARITY_ORGANIZATION\",\"name\":\"白水县另一慈善会\",\"regionCode\":\"610527\","
                + "\"creditCode\":\"51610527MJU000008M\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"));
    }

    @Test
    void aCommunityHasOneActiveCommittee(@Autowired UnitManagement management) throws Exception {
        String daobei = "610527001001";
        TestCommittees.ensure(management, daobei);
        String refusal = "该社区（村）已有在用的居委会（村委会）“" + TestCommittees.name(daobei) + "”，一个社区（村）只能有一个；"
                + "如需更换，请先撤销“" + TestCommittees.name(daobei) + "”再登记新的";

        create("{\"kind\":\"COMMUNITY_COMMITTEE\",\"name\":\"道北社区第二居委会\",\"regionCode\":\"610527001001\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/unit-exists"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message").value(refusal));
        assertThatThrownBy(() -> management.register(UnitId.random(), UnitKind.COMMUNITY_COMMITTEE, daobei, "道北社区第三居委会",
                null, "测试数据")).isInstanceOf(DomainException.class).hasMessageContaining(refusal);
        assertThat(management.seed(UnitId.random(), UnitKind.COMMUNITY_COMMITTEE, daobei, "道北社区第四居委会", null, null,
                "测试数据")).as("seeding skips a community that has its committee").isFalse();
        // another kind in the community, and a committee of another community, are not affected
        created("{\"kind\":\"COMMUNITY_ROOM\",\"name\":\"道北社区测试社工室\",\"regionCode\":\"610527001001\"}");

        // the partial unique index holds where a write bypasses the check
        assertThatThrownBy(() -> jdbc.sql("""
                insert into units.units (id, kind, name, region_code, county_code, active, version, created_at, updated_at)
                values (gen_random_uuid(), 'COMMUNITY_COMMITTEE', '道北社区绕过居委会', :daobei, '610527', true, 0, now(), now())""")
                .param("daobei", daobei).update())
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("units_one_committee");
    }
}
