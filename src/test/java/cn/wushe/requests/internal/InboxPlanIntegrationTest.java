package cn.wushe.requests.internal;

import static cn.wushe.requests.RequestsFixtures.DAOBEI;
import static cn.wushe.requests.RequestsFixtures.DAOBEI_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.GONGNONG_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.STREET_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.TestActor;
import cn.wushe.requests.RequestsFixtures;
import cn.wushe.requests.RequestsTestBase;
import java.sql.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit's inbox over a few thousand matters (most closed, as in a year's work): its page comes
 * from an index in the list's order — no sort of every matter of the unit, no scan of closed ones —
 * and its count from that index alone.
 */
class InboxPlanIntegrationTest extends RequestsTestBase {

    @Autowired
    MatterQueries queries;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theInboxPageIsReadFromAnIndexInItsOrder() {
        UUID item = jdbc.sql("select id from requests.catalogue_items where code = 'streetlight' and active").query(UUID.class).single();
        // the generated matters and their statistics exist only in this transaction, rolled back at the end
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("""
                    insert into requests.matters (county_code, id, number, item_id, item_code, item_version, urgent, region_code,
                        channel, status, level, unit_id, submitted_by, applicant_name, applicant_phone, description, submitted_at,
                        handed_at, level_due_at, due_at, closed_at, closing_unit_id, closed_on_time, version)
                    select '610527', gen_random_uuid(), 'PLAN-' || gen_random_uuid(), :item, 'streetlight', 1, false, '610527001001', 'DESK',
                        case when g % 20 = 0 then 'HANDLING' else 'CLOSED' end, 'COMMUNITY',
                        case g % 3 when 0 then :daobei when 1 then :gongnong else :street end, :daobei, 'v1:x', 'v1:y', 'plan',
                        cast(:base as timestamptz) - g * interval '1 hour', :base, :base, cast(:base as timestamptz) + (g % 97) * interval '1 day',
                        case when g % 20 = 0 then null else cast(:base as timestamptz) end, :daobei, true, 0
                    from generate_series(1, 6000) g
                    """).param("item", item).param("daobei", DAOBEI_COMMITTEE.value()).param("gongnong", GONGNONG_COMMITTEE.value())
                    .param("street", STREET_OFFICE.value()).param("base", Timestamp.from(START)).update();
            jdbc.sql("analyze requests.matters").update();
            for (TestActor actor : new TestActor[] {RequestsFixtures.communityWorker("plan_worker", DAOBEI, DAOBEI_COMMITTEE),
                    RequestsFixtures.unitStaff("plan_street", RequestsFixtures.COUNTY, STREET_OFFICE)}) {
                MatterQueries.Listing inbox = queries.listing(actor, new MatterQueries.Filter(MatterQueries.Box.INBOX, null, false, 1, 20));
                String plan = String.join("\n", jdbc.sql("explain (analyze, costs off, timing off, summary off) " + inbox.page())
                        .params(inbox.params()).query(String.class).list());
                assertThat(plan).as(plan).contains("matters_open_by_unit").doesNotContain("Sort");
                // the count can read the index alone: the scope's region code is kept in it. Rows written in
                // this transaction are not yet all-visible, so the planner's choice here would say little;
                // with the other ways of reading switched off, only a covering index gives this plan
                jdbc.sql("set local enable_indexscan = off").update();
                jdbc.sql("set local enable_bitmapscan = off").update();
                jdbc.sql("set local enable_seqscan = off").update();
                String count = String.join("\n", jdbc.sql("explain (costs off) select count(*)" + inbox.from())
                        .params(inbox.params()).query(String.class).list());
                assertThat(count).as(count).contains("Index Only Scan using matters_open_by_unit");
                jdbc.sql("reset enable_indexscan").update();
                jdbc.sql("reset enable_bitmapscan").update();
                jdbc.sql("reset enable_seqscan").update();
            }
        });
    }

    @Test
    void aBacklogBeyondTheCountLimitIsCountedAsMoreThanTheLimit() {
        UUID item = jdbc.sql("select id from requests.catalogue_items where code = 'streetlight' and active").query(UUID.class).single();
        TestActor worker = RequestsFixtures.communityWorker("backlog_worker", DAOBEI, DAOBEI_COMMITTEE);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            long before = queries.list(worker, new MatterQueries.Filter(MatterQueries.Box.INBOX, null, false, 0, 20)).count();
            assertThat(before).isLessThanOrEqualTo(MatterQueries.COUNT_LIMIT);
            backlog(item, (int) (MatterQueries.COUNT_LIMIT - before));
            var exact = queries.list(worker, new MatterQueries.Filter(MatterQueries.Box.INBOX, null, false, 0, 20));
            assertThat(exact.count()).isEqualTo(MatterQueries.COUNT_LIMIT);
            assertThat(MatterQueries.moreThanCounted(exact)).isFalse();

            backlog(item, 1);
            var beyond = queries.list(worker, new MatterQueries.Filter(MatterQueries.Box.INBOX, null, false, 0, 20));
            assertThat(MatterQueries.moreThanCounted(beyond)).isTrue();
            assertThat(beyond.items()).hasSize(20);
            assertThat(beyond.hasNext()).isTrue();
        });
    }

    private void backlog(UUID item, int count) {
        jdbc.sql("""
                insert into requests.matters (county_code, id, number, item_id, item_code, item_version, urgent, region_code,
                    channel, status, level, unit_id, submitted_by, applicant_name, applicant_phone, description, submitted_at,
                    handed_at, level_due_at, due_at, version)
                select '610527', gen_random_uuid(), 'BACKLOG-' || gen_random_uuid(), :item, 'streetlight', 1, false, '610527001001',
                    'DESK', 'HANDLING', 'COMMUNITY', :daobei, :daobei, 'v1:x', 'v1:y', 'backlog',
                    cast(:base as timestamptz) - g * interval '1 minute', :base, :base, :base, 0
                from generate_series(1, :count) g
                """).param("item", item).param("daobei", DAOBEI_COMMITTEE.value()).param("base", Timestamp.from(START))
                .param("count", count).update();
    }
}
