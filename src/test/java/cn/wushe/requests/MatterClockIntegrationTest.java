package cn.wushe.requests;

import static cn.wushe.requests.RequestsFixtures.CIVIL_AFFAIRS;
import static cn.wushe.requests.RequestsFixtures.COUNTY;
import static cn.wushe.requests.RequestsFixtures.DAOBEI;
import static cn.wushe.requests.RequestsFixtures.DAOBEI_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.HOUSING;
import static cn.wushe.requests.RequestsFixtures.PUCHENG_CIVIL_AFFAIRS;
import static cn.wushe.requests.RequestsFixtures.STREET_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.TestActor;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * 限时办结 with a controllable clock — the 80% warning, the overdue mark and its escalation to the
 * unit's lead and the level above — a rolled-back intake that leaves no deadline, and the routing
 * refusals (off the chain, another county, a decline or send-back without reason, a sign-for by a
 * unit it was not sent to).
 */
class MatterClockIntegrationTest extends RequestsTestBase {

    final TestActor worker = RequestsFixtures.communityWorker("clock_worker", DAOBEI, DAOBEI_COMMITTEE);
    final TestActor street = RequestsFixtures.unitStaff("clock_street", COUNTY, STREET_OFFICE);
    final TestActor housing = RequestsFixtures.unitStaff("clock_housing", COUNTY, HOUSING);

    /** Real accounts (the notices go to accounts found by role and unit): the street office's lead and the county administrator. */
    UUID account(String username, String role, String scope, UUID unit) {
        UUID id = UUID.nameUUIDFromBytes(("requests-clock-account:" + username).getBytes());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into identity.users (id, username, display_name, password_hash, password_changed_at, must_change_password,
                    enabled, home_region_code, county_code, created_at)
                values (:id, :username, :username, 'x', :now, false, true, :scope, left(:scope, 6), :now) on conflict do nothing
                """).param("id", id).param("username", username).param("scope", scope).param("now", now).update();
        jdbc.sql("""
                insert into identity.role_assignments (id, user_id, role, scope_code, county_code, granted_at)
                values (:id, :id, :role, :scope, left(:scope, 6), :now) on conflict do nothing
                """).param("id", id).param("role", role).param("scope", scope).param("now", now).update();
        if (unit != null) {
            jdbc.sql("insert into identity.unit_memberships (user_id, unit_id, is_primary, added_at) values (:id, :unit, true, :now) "
                    + "on conflict do nothing").param("id", id).param("unit", unit).param("now", now).update();
        }
        return id;
    }

    boolean flag(UUID matter, String column) {
        return jdbc.sql("select " + column + " from requests.matters where id = :id").param("id", matter).query(Boolean.class).single();
    }

    long notices(UUID user, UUID matter) {
        return jdbc.sql("select count(*) from notifications.inbox i join notifications.notices n on n.id = i.notice_id "
                + "where i.user_id = :user and n.link = :link").param("user", user).param("link", "/matters/" + matter)
                .query(Long.class).single();
    }

    @Test
    void warnsAtEightyPercentAndEscalatesWhenOverdue() throws Exception {
        UUID lead = account("clock_street_lead", "UNIT_LEAD", COUNTY, STREET_OFFICE.value());
        UUID admin = account("clock_county_admin", "COUNTY_ADMIN", COUNTY, null);
        UUID id = submit(worker, deskStreetlight(DAOBEI));
        Instant due = jdbc.sql("select due_at from requests.matters where id = :id").param("id", id).query(Timestamp.class)
                .single().toInstant();
        Instant handed = jdbc.sql("select handed_at from requests.matters where id = :id").param("id", id).query(Timestamp.class)
                .single().toInstant();

        clock.advance(Duration.between(clock.instant(), handed.plus(Duration.between(handed, due).multipliedBy(81).dividedBy(100))));
        await(() -> flag(id, "warned"));
        assertThat(flag(id, "overdue")).isFalse();

        clock.advance(Duration.between(clock.instant(), due).plusMinutes(1));
        await(() -> flag(id, "overdue"));
        await(() -> notices(lead, id) == 1 && notices(admin, id) == 1);
        assertThat(jdbc.sql("select count(*) from requests.matter_events where matter_id = :id and kind = 'OVERDUE'")
                .param("id", id).query(Long.class).single()).as("fired once").isEqualTo(1);
        assertThat(get(worker, "/matters/" + id).getContentAsString()).contains("已超期");
    }

    @Test
    void aRolledBackIntakeLeavesNoDeadline() throws Exception {
        long before = jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_instance like 'requests.%'")
                .query(Long.class).single();
        Map<String, Object> body = new java.util.LinkedHashMap<>(deskStreetlight(DAOBEI));
        // the photo's name claims a picture, its content is text: the attachments refuse it after the deadline was written
        body.put("materials", Map.of("photo", Map.of("file", Map.of("fileName", "photo.png",
                "contentBase64", java.util.Base64.getEncoder().encodeToString("not a picture".getBytes())))));
        MockHttpServletResponse refused = post(worker, "/api/v1/matters", body);
        assertThat(refused.getStatus()).isBetween(400, 499);
        assertThat(jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_instance like 'requests.%'")
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aLimitReachingAYearWithoutCalendarIsRefusedInChineseAndNothingIsWritten() throws Exception {
        // 2024–2026 are entered, 2027 is not: 260 working days from February 2026 end in 2027
        TestActor admin = RequestsFixtures.countyAdmin("clock_admin", COUNTY);
        assertThat(post(admin, "/api/v1/catalogue", Map.of("code", "long-item", "category", "便民服务", "name", "长时限测试事项",
                "channels", java.util.List.of("DESK"), "communityDays", 120, "townDays", 80, "countyDays", 60,
                "whereWhen", "社区窗口")).getStatus()).isEqualTo(201);
        long matters = jdbc.sql("select count(*) from requests.matters").query(Long.class).single();
        long tasks = jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_instance like 'requests.%'")
                .query(Long.class).single();
        MockHttpServletResponse refused = post(worker, "/api/v1/matters", Map.of("item", "long-item", "channel", "DESK",
                "regionCode", DAOBEI, "description", "测试", "applicantName", "李四", "applicantPhone", "13912345678"));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(body(refused).get("type").asString()).isEqualTo("/problems/calendar-year-missing");
        assertThat(body(refused).get("detail").asString()).isEqualTo("按 260 个工作日计算的办理时限将进入 2027 年，而 2027 年的"
                + "法定节假日和调休安排尚未录入工作日历，无法计算时限，本次操作未保存。请联系系统管理员在“工作日历”中录入 2027 年后再办理");
        assertThat(jdbc.sql("select count(*) from requests.matters").query(Long.class).single()).isEqualTo(matters);
        assertThat(jdbc.sql("select count(*) from scheduling.scheduled_tasks where task_instance like 'requests.%'")
                .query(Long.class).single()).isEqualTo(tasks);
        assertThat(post(admin, "/api/v1/catalogue/long-item/retire", Map.of()).getStatus()).isEqualTo(200);
    }

    @Test
    void routingStaysOnTheChainOfTheMattersPlace() throws Exception {
        UUID id = submit(worker, deskStreetlight(DAOBEI));
        MockHttpServletResponse offChain = post(worker, "/api/v1/matters/" + id + "/forward",
                Map.of("targetUnitId", CIVIL_AFFAIRS.toString()));
        assertThat(offChain.getStatus()).as("a committee forwards to its street office, not a department").isEqualTo(409);
        assertThat(body(offChain).get("type").asString()).isEqualTo("/problems/matter-route-refused");
        assertThat(post(worker, "/api/v1/matters/" + id + "/send-back", Map.of("reason", "x")).getStatus()).isEqualTo(409);
        assertThat(post(worker, "/api/v1/matters/" + id + "/forward", Map.of()).getStatus()).isEqualTo(200);
        assertThat(post(street, "/api/v1/matters/" + id + "/decline", Map.of()).getStatus()).as("a reason").isEqualTo(400);
        assertThat(post(street, "/api/v1/matters/" + id + "/sign", Map.of()).getStatus()).isEqualTo(200);
        assertThat(post(street, "/api/v1/matters/" + id + "/forward", Map.of("targetUnitId", PUCHENG_CIVIL_AFFAIRS.toString()))
                .getStatus()).as("another county's department").isEqualTo(409);
        assertThat(post(street, "/api/v1/matters/" + id + "/send-back", Map.of()).getStatus()).as("a reason").isEqualTo(400);
        assertThat(post(street, "/api/v1/matters/" + id + "/forward", Map.of("targetUnitId", HOUSING.toString())).getStatus())
                .isEqualTo(200);
        assertThat(post(worker, "/api/v1/matters/" + id + "/sign", Map.of()).getStatus())
                .as("the committee sees it but was not sent it").isEqualTo(403);
        assertThat(post(housing, "/api/v1/matters/" + id + "/decline", Map.of("reason", "应由民政局办理",
                "rightUnitId", CIVIL_AFFAIRS.toString())).getStatus()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("HANDLING");
        assertThat(jdbc.sql("select unit_id from requests.matters where id = :id").param("id", id).query(UUID.class).single())
                .as("back at the street office").isEqualTo(STREET_OFFICE.value());
        assertThat(post(street, "/api/v1/matters/" + id + "/send-back", Map.of("reason", "社区可就地解决")).getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select level from requests.matters where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("COMMUNITY");
    }

    @Test
    void aDuplicateIsMergedAndItsResidentTold() throws Exception {
        TestActor resident = RequestsFixtures.resident("clock_resident", DAOBEI);
        Map<String, Object> own = new java.util.LinkedHashMap<>(deskStreetlight(DAOBEI));
        own.put("channel", "SELF_SERVICE");
        own.put("materials", Map.of("photo", Map.of("file", Map.of("fileName", "p.png", "contentBase64", png()))));
        UUID duplicate = submit(resident, own);
        UUID first = submit(worker, deskStreetlight(DAOBEI));
        String number = body(get(worker, "/api/v1/matters/" + first)).get("number").asString();
        post(worker, "/api/v1/matters/" + duplicate + "/sign", Map.of());
        assertThat(post(worker, "/api/v1/matters/" + duplicate + "/merge", Map.of("into", number)).getStatus()).isEqualTo(200);
        assertThat(status(duplicate)).isEqualTo("MERGED");
        assertThat(notices(resident.id(), duplicate)).isEqualTo(1);
        assertThat(post(worker, "/api/v1/matters/" + first + "/merge", Map.of("into", number)).getStatus())
                .as("not into itself").isEqualTo(400);
    }
}
