package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.care.internal.CareDeadlines;
import cn.wushe.care.internal.Finding;
import cn.wushe.care.internal.Subjects;
import cn.wushe.care.internal.Tier;
import cn.wushe.care.internal.VisitDraft;
import cn.wushe.care.internal.Visiting;
import cn.wushe.platform.DomainException;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.PersonStatus;
import cn.wushe.registry.PersonStatusChanged;
import cn.wushe.scheduling.Deadlines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The care loop through its API as a grid worker, a community worker and a town station use it:
 * tiers with their reasons and approval, a visit recorded once under its Idempotency-Key, the
 * cycle's deadline moved in the visit's transaction (and not at all when it rolls back), 四协助
 * items closed with If-Match, pairing with consent, and the registry's status events ending a cycle.
 */
class CareFlowIntegrationTest extends CareIntegrationTestBase {

    @Autowired
    Deadlines deadlines;
    @Autowired
    Visiting visiting;
    @Autowired
    Subjects subjects;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aGreenVisitWithNothingFoundIsRecordedOnceUnderItsIdempotencyKey() throws Exception {
        UUID person = personInGrid1();
        assess(COMMUNITY_WORKER, person, "[]", null, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.to").value("GREEN")).andExpect(jsonPath("$.status").value("APPLIED"));
        String key = UUID.randomUUID().toString();

        String first = mvc.perform(json(GRID_WORKER, post("/api/v1/care/people/{id}/visits", person), "{}")
                        .header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.nothingFound").value(true))
                .andReturn().getResponse().getContentAsString();
        String resent = mvc.perform(json(GRID_WORKER, post("/api/v1/care/people/{id}/visits", person), "{}")
                        .header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        assertThat(resent).isEqualTo(first);
        assertThat(visits(person)).isEqualTo(1);
        Instant due = subjects.find(person).orElseThrow().nextDueAt();
        assertThat(due).isEqualTo(clock.instant().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(deadlines.dueAt(CareDeadlines.visitDue(person))).contains(due);
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'CARE_VISIT_RECORD' and object_id = "
                + "(select id::text from care.visits where person_id = :p)").param("p", person).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void someoneDueInThreeDaysIsOnThisWeeksListNotTodays() throws Exception {
        UUID person = personInGrid1();
        assess(COMMUNITY_WORKER, person, "[]", null, null).andExpect(status().isOk());
        Map<String, Long> before = dueTotals();

        jdbc.sql("update care.subjects set next_due_at = :due where person_id = :id")
                .param("due", java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(3)))).param("id", person).update();

        Map<String, Long> after = dueTotals();
        assertThat(after.get("WEEK")).isEqualTo(before.get("WEEK") + 1);
        assertThat(after.get("TODAY")).isEqualTo(before.get("TODAY"));
        assertThat(after.get("OVERDUE")).isEqualTo(before.get("OVERDUE"));
    }

    /** The grid worker's due lists, total per tab, as the API answers them. */
    private Map<String, Long> dueTotals() throws Exception {
        Map<String, Long> totals = new java.util.HashMap<>();
        for (String which : List.of("TODAY", "WEEK", "OVERDUE")) {
            String body = mvc.perform(by(GRID_WORKER, get("/api/v1/care/due").param("which", which)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            totals.put(which, Long.parseLong(body.replaceAll("(?s).*\"total\":(\\d+).*", "$1")));
        }
        return totals;
    }

    @Test
    void aRolledBackVisitLeavesNoDeadlineAndNoVisit() throws Exception {
        UUID person = personInGrid1();
        assess(COMMUNITY_WORKER, person, "[\"DISABILITY\",\"LOW_INCOME\"]", null, null).andExpect(status().isOk());
        Instant before = deadlines.dueAt(CareDeadlines.visitDue(person)).orElseThrow();

        tx.executeWithoutResult(status -> {
            as(GRID_WORKER, () -> visiting.record(GRID_WORKER, person, new VisitDraft(null, Map.of(), null, null, null,
                    List.of(), List.of())));
            status.setRollbackOnly();
        });

        assertThat(deadlines.dueAt(CareDeadlines.visitDue(person))).contains(before);
        assertThat(visits(person)).isZero();
        assertThat(subjects.find(person).orElseThrow().lastVisitAt()).isNull();
    }

    @Test
    void aVisitDatedAheadOrTooOldIsRefusedWithItsField() throws Exception {
        UUID person = personInGrid1();
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/people/{id}/visits", person),
                        "{\"visitedAt\":\"" + clock.instant().plus(Duration.ofHours(2)) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("visitedAt"));
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/people/{id}/visits", person),
                        "{\"visitedAt\":\"" + clock.instant().minus(Duration.ofDays(8)) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("visitedAt"));
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/people/{id}/visits", person),
                        "{\"visitedAt\":\"" + clock.instant().minus(Duration.ofDays(6)) + "\"}"))
                .andExpect(status().isCreated());

        assertThat(visits(person)).isEqualTo(1);
    }

    @Test
    void anOverrideNeedsAReasonAndRedNeedsApproval() throws Exception {
        UUID person = personInGrid1();
        assess(COMMUNITY_WORKER, person, "[]", "YELLOW", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));

        String pending = assess(COMMUNITY_WORKER, person, "[\"LIVING_ALONE\",\"UNSAFE_HOME\"]", null, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        String change = pending.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
        assertThat(subjects.find(person).orElseThrow().tier()).isNull();
        assess(COMMUNITY_WORKER, person, "[\"LIVING_ALONE\",\"UNSAFE_HOME\"]", null, null).andExpect(status().isConflict());

        mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/tier-changes/{id}/decision", change), "{\"approve\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(TOWN_STATION, post("/api/v1/care/tier-changes/{id}/decision", change), "{\"approve\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(json(TOWN_STATION, post("/api/v1/care/tier-changes/{id}/decision", change), "{\"approve\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPLIED"));

        assertThat(subjects.find(person).orElseThrow().tier()).isEqualTo(Tier.RED);
        assertThat(deadlines.dueAt(CareDeadlines.visitDue(person)))
                .contains(clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS));
        // from red to green is a red change too: the community worker asks, the town station decides
        assess(COMMUNITY_WORKER, person, "[]", null, null).andExpect(jsonPath("$.status").value("PENDING"));
        assess(TOWN_STATION, person, "[]", "BLUE", "家属已回来同住").andExpect(jsonPath("$.status").value("APPLIED"));
    }

    @Test
    void aResourceIsTrackedToClosureGuardedByItsVersion() throws Exception {
        UUID person = personInGrid1();
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/people/{id}/visits", person), """
                        {"home":"CONCERN","assists":[{"kind":"RESOURCE","description":"冬季取暖煤","resourceKind":"GOODS"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "assists[0].providerText", "assists[0].valueYuan")));
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/people/{id}/visits", person), """
                        {"home":"CONCERN","assists":[{"kind":"RESOURCE","description":"冬季取暖煤","resourceKind":"GOODS",
                          "providerText":"县慈善协会","valueYuan":600.00},{"kind":"HAZARD","description":"煤炉无烟囱"}]}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.nothingFound").value(false));
        UUID assist = jdbc.sql("select id from care.assists where person_id = :p and kind = 'RESOURCE'").param("p", person)
                .query(UUID.class).single();

        mvc.perform(json(GRID_WORKER, post("/api/v1/care/assists/{id}/close", assist), "{\"outcome\":\"已送到\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/assists/{id}/close", assist), "{\"outcome\":\"已送到\"}")
                        .header("If-Match", "\"7\"")).andExpect(status().isPreconditionFailed());
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/assists/{id}/close", assist), "{\"outcome\":\"\"}")
                        .header("If-Match", "\"0\"")).andExpect(status().isBadRequest());
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/assists/{id}/close", assist), "{\"outcome\":\"已送到\"}")
                        .header("If-Match", "\"0\"")).andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.open").value(false));

        mvc.perform(by(GRID_WORKER, get("/api/v1/care/people/{id}", person))).andExpect(status().isOk())
                .andExpect(jsonPath("$.assists.length()").value(2))
                .andExpect(jsonPath("$.subject.maskedName").value(org.hamcrest.Matchers.containsString("*")));
    }

    @Test
    void aFixedVisitorNeedsTheFamilysConsentAndThenSeesAndVisitsTheHousehold() throws Exception {
        UUID person = personInGrid1();
        mvc.perform(by(VOLUNTEER, get("/api/v1/care/people/{id}", person))).andExpect(status().isNotFound());
        mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/people/{id}/pairing", person),
                        "{\"volunteers\":[\"" + VOLUNTEER.id() + "\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "consentBy", "consentOn", "consentHow")));
        String consent = "\"consentBy\":\"本人\",\"consentOn\":\"" + LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")))
                + "\",\"consentHow\":\"WRITTEN\"";
        mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/people/{id}/pairing", person),
                        "{\"volunteers\":[\"" + VOLUNTEER.id() + "\"]," + consent + "}"))
                .andExpect(status().isOk());

        mvc.perform(by(VOLUNTEER, get("/api/v1/care/people/{id}", person))).andExpect(status().isOk());
        mvc.perform(json(VOLUNTEER, post("/api/v1/care/people/{id}/visits", person), "{}")).andExpect(status().isCreated());
        mvc.perform(by(VOLUNTEER, get("/api/v1/care/due").param("which", "ALL"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].personId").value(org.hamcrest.Matchers.hasItem(person.toString())));
        // a change of visitors states why
        mvc.perform(json(COMMUNITY_WORKER, post("/api/v1/care/people/{id}/pairing", person),
                        "{\"volunteers\":[]," + consent + ",\"socialWorker\":\"" + COMMUNITY_WORKER.id() + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void aPersonWhoMovesOutLeavesTheCycle() throws Exception {
        UUID person = personInGrid1();
        assess(COMMUNITY_WORKER, person, "[\"SERIOUS_ILLNESS\"]", null, null).andExpect(status().isOk());
        assertThat(deadlines.dueAt(CareDeadlines.visitDue(person))).isPresent();
        var subject = subjects.find(person).orElseThrow();

        tx.executeWithoutResult(s -> events.publishEvent(new PersonStatusChanged(new PersonId(person), COUNTY, subject.regionCode(),
                new HouseholdId(subject.householdId()), PersonStatus.ACTIVE, PersonStatus.MOVED_OUT,
                LocalDate.now(clock), null)));

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !subjects.find(person).orElseThrow().active());
        assertThat(deadlines.dueAt(CareDeadlines.visitDue(person))).isEmpty();
        assertThat(subjects.find(person).orElseThrow().nextDueAt()).isNull();
        assertThatThrownBy(() -> as(GRID_WORKER, () -> visiting.record(GRID_WORKER, person, new VisitDraft(null,
                Map.of(), null, null, null, List.of(), List.of()))))
                .isInstanceOf(DomainException.class).hasMessageContaining("迁出");
    }

    @Test
    void concernsAreKeptPerAspect() throws Exception {
        UUID person = personInGrid1();
        mvc.perform(json(GRID_WORKER, post("/api/v1/care/people/{id}/visits", person),
                        "{\"health\":\"SERIOUS\",\"notes\":\"血压高，已联系村医\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.findings.HEALTH").value(Finding.SERIOUS.name()))
                .andExpect(jsonPath("$.findings.HOME").value("OK")).andExpect(jsonPath("$.notes").value("血压高，已联系村医"));
        assertThat(jdbc.sql("select notes from care.visits where person_id = :p").param("p", person).query(String.class)
                .single()).startsWith("v").doesNotContain("血压");
    }

    private org.springframework.test.web.servlet.ResultActions assess(cn.wushe.platform.TestActor actor, UUID person,
            String factors, String tier, String reason) throws Exception {
        String body = "{\"factors\":" + factors + (tier == null ? "" : ",\"tier\":\"" + tier + "\"")
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
        return mvc.perform(json(actor, post("/api/v1/care/people/{id}/tier", person), body));
    }

    private long visits(UUID person) {
        return jdbc.sql("select count(*) from care.visits where person_id = :p").param("p", person).query(Long.class).single();
    }
}
