package cn.wushe.care.demo;

import cn.wushe.care.internal.Alert;
import cn.wushe.care.internal.Alerts;
import cn.wushe.care.internal.CareDeadlines;
import cn.wushe.care.internal.Subjects;
import cn.wushe.care.internal.Tier;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.care.internal.CarePeople;
import cn.wushe.care.internal.CareSettings;
import cn.wushe.care.internal.CareSettingsStore;
import cn.wushe.registry.PeopleImported;
import cn.wushe.registry.PersonId;
import cn.wushe.scheduling.Deadlines;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: when the registry's demo people arrive (a bulk load, no import job), gives them a
 * year of care — tiers (about 5 % red, 15 % yellow, 30 % blue, 20 % green, the rest not yet
 * assessed) with their history, the visits of each cycle (a few missed: some 10–15 % of people are
 * overdue), 四协助 items from the visits that found something (hazards, resources, policy
 * applications; those older than a month closed), each next visit's deadline, missed-visit alerts
 * of various ages, some cases and community activities. Set-based SQL over the event's ids, so 3,000 people take a few seconds; the people of a
 * batch that already has a tier are left as they are (a redelivered event changes nothing).
 */
@Component
@ConditionalOnProperty(name = "wushe.demo.enabled", havingValue = "true")
class DemoCareYear {

    /** Stands for the demo's workers in the visits it writes. */
    static final UUID DEMO_VISITOR = UUID.nameUUIDFromBytes("care-demo-visitor".getBytes());
    private static final Logger log = LoggerFactory.getLogger(DemoCareYear.class);

    /** Missed-visit alerts raised for the longest overdue, so the alert pages have something to show. */
    static final int DEMO_ALERTS = 30;

    private final CarePeople people;
    private final Subjects subjects;
    private final Alerts alerts;
    private final CareSettingsStore settings;
    private final Deadlines deadlines;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final FieldCipher cipher;

    DemoCareYear(CarePeople people, Subjects subjects, Alerts alerts, CareSettingsStore settings, Deadlines deadlines,
            JdbcClient jdbc, Clock clock, FieldCipher cipher) {
        this.cipher = cipher;
        this.people = people;
        this.subjects = subjects;
        this.alerts = alerts;
        this.settings = settings;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PeopleImported event) {
        if (event.importJob() != null || event.registered().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        people.refresh(event.countyCode(), event.registered());
        String[] ids = event.registered().stream().map(PersonId::value).map(UUID::toString).toArray(String[]::new);
        CareSettings cycle = settings.of(event.countyCode());
        Instant now = clock.instant();
        Instant yearAgo = now.minus(Duration.ofDays(365));
        int tiered = jdbc.sql("""
                update care.subjects s set tier = t.tier, tier_since = :year_ago, version = version + 1
                from (select person_id, case when h < 5 then 'RED' when h < 20 then 'YELLOW' when h < 50 then 'BLUE'
                        when h < 70 then 'GREEN' end as tier
                      from (select person_id, abs(hashtext(person_id::text)) % 100 as h from care.subjects
                            where person_id = any(cast(:ids as uuid[]))) x) t
                where s.person_id = t.person_id and t.tier is not null and s.tier is null and s.active""")
                .param("ids", ids).param("year_ago", Timestamp.from(yearAgo)).update();
        if (tiered == 0) {
            return;
        }
        jdbc.sql("""
                insert into care.tier_changes (county_code, id, person_id, region_code, from_tier, to_tier, suggested_tier,
                    factors, reason, status, requested_by, requested_at)
                select county_code, gen_random_uuid(), person_id, region_code, null, tier, tier, '{}', null, 'APPLIED', :by, tier_since
                from care.subjects where person_id = any(cast(:ids as uuid[])) and tier is not null""")
                .param("ids", ids).param("by", DEMO_VISITOR).update();
        // one visit per cycle over the year, each person on their own day of the cycle; the latest cycle of
        // some people not yet visited (the end of the series a little before today)
        int visits = jdbc.sql("""
                insert into care.visits (county_code, id, person_id, region_code, visited_at, received_at, recorded_by, visitors,
                    health, finances, support, home, needs, notes, lat, lng, nothing_found)
                select s.county_code, gen_random_uuid(), s.person_id, s.region_code, v.at, v.at, :by, array[cast(:by as uuid)],
                    case when v.h % 9 = 0 then 'CONCERN' else 'OK' end, case when v.h % 11 = 0 then 'CONCERN' else 'OK' end,
                    'OK', case when v.h % 13 = 0 then 'CONCERN' else 'OK' end, 'OK', null, null, null,
                    v.h % 9 <> 0 and v.h % 11 <> 0 and v.h % 13 <> 0
                from care.subjects s
                cross join lateral (select case s.tier when 'RED' then :red when 'YELLOW' then :yellow when 'BLUE' then :blue
                        else :green end as days) c
                cross join lateral (select g.at, abs(hashtext(s.person_id::text || g.at::text)) as h
                      from generate_series(s.tier_since + make_interval(days => abs(hashtext(s.person_id::text || 'phase')) % c.days),
                          cast(:now as timestamptz) - make_interval(days => abs(hashtext(s.person_id::text)) % (c.days / 4 + 3)),
                          make_interval(days => c.days)) as g(at)) v
                where s.person_id = any(cast(:ids as uuid[])) and s.tier is not null""")
                .param("ids", ids).param("by", DEMO_VISITOR).param("red", cycle.redDays()).param("yellow", cycle.yellowDays())
                .param("blue", cycle.blueDays()).param("green", cycle.greenDays()).param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                update care.subjects s set last_visit_at = v.last, next_due_at = date_trunc('second', v.last + make_interval(days =>
                        case s.tier when 'RED' then :red when 'YELLOW' then :yellow when 'BLUE' then :blue else :green end))
                from (select person_id, max(visited_at) as last from care.visits
                      where person_id = any(cast(:ids as uuid[])) group by person_id) v
                where s.person_id = v.person_id""")
                .param("ids", ids).param("red", cycle.redDays()).param("yellow", cycle.yellowDays())
                .param("blue", cycle.blueDays()).param("green", cycle.greenDays()).update();
        jdbc.sql("""
                update care.subjects set next_due_at = date_trunc('second', cast(:now as timestamptz) + interval '3 days')
                where person_id = any(cast(:ids as uuid[])) and tier is not null and next_due_at is null""")
                .param("ids", ids).param("now", Timestamp.from(now)).update();
        int assists = jdbc.sql("""
                insert into care.assists (county_code, id, visit_id, person_id, region_code, kind, description, resource_kind,
                    provider_unit_id, provider_text, value_yuan, status, outcome, closed_at, closed_by, created_at, version)
                select v.county_code, gen_random_uuid(), v.id, v.person_id, v.region_code, k.kind, k.description, k.rkind, null,
                    k.provider, k.yuan, case when v.visited_at < :month_ago then 'CLOSED' else 'OPEN' end,
                    case when v.visited_at < :month_ago then k.outcome end,
                    case when v.visited_at < :month_ago then v.visited_at + interval '9 days' end,
                    case when v.visited_at < :month_ago then cast(:by as uuid) end, v.visited_at, 0
                from care.visits v
                cross join lateral (select case when v.home = 'CONCERN' then 'HAZARD'
                        when abs(hashtext(v.id::text)) % 3 = 0 then 'POLICY' else 'RESOURCE' end as kind) t
                cross join lateral (select t.kind,
                        case t.kind when 'HAZARD' then '用电线路老化，需更换' when 'POLICY' then '协助申请临时救助'
                            else '冬季取暖物资' end as description,
                        case t.kind when 'RESOURCE' then 'GOODS' end as rkind,
                        case t.kind when 'RESOURCE' then '白水县慈善协会' end as provider,
                        case t.kind when 'RESOURCE' then 300.00 + (abs(hashtext(v.id::text)) % 5) * 100 end as yuan,
                        case t.kind when 'HAZARD' then '已请电工更换线路' when 'POLICY' then '临时救助已批准发放'
                            else '物资已送到家中' end as outcome) k
                where v.person_id = any(cast(:ids as uuid[])) and (v.home = 'CONCERN' or v.finances = 'CONCERN')""")
                .param("ids", ids).param("by", DEMO_VISITOR).param("month_ago", Timestamp.from(now.minus(Duration.ofDays(30))))
                .update();
        List<Object[]> due = jdbc.sql("""
                select person_id, next_due_at from care.subjects
                where person_id = any(cast(:ids as uuid[])) and next_due_at > :now""")
                .param("ids", ids).param("now", Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()}).list();
        List<String> scheduled = new ArrayList<>();
        for (Object[] row : due) {
            deadlines.schedule(CareDeadlines.visitDue((UUID) row[0]), (Instant) row[1]);
            scheduled.add(row[0].toString());
        }
        // the longest overdue get their missed-visit alert now, as their deadline would have raised it
        int raised = 0;
        for (var s : jdbc.sql("select person_id from care.subjects where person_id = any(cast(:ids as uuid[]))"
                        + " and next_due_at < :now order by next_due_at limit :n")
                .param("ids", ids).param("now", Timestamp.from(now)).param("n", DEMO_ALERTS).query(UUID.class).list()) {
            var subject = subjects.find(s).orElseThrow();
            raised += alerts.raise(new Alerts.AlertDraft(s, null, subject.regionCode(), Alert.Source.MISSED_VISIT,
                    subject.tier() == Tier.RED ? Alert.Severity.HIGH : Alert.Severity.MEDIUM,
                    Messages.text("care.alert.missed-visit", subject.tierLabel()), "demo-missed:" + s)).isPresent() ? 1 : 0;
        }
        // raised some time in the last two weeks (never before the visit was missed), so the dashboard's
        // ages spread as a station's would; the due time (and its deadline) stays as raised
        jdbc.sql("""
                update care.alerts a set created_at = greatest(s.next_due_at,
                    cast(:now as timestamptz) - make_interval(hours => abs(hashtext(s.person_id::text || 'alert')) % 336))
                from care.subjects s
                where a.person_id = s.person_id and a.dedup_key like 'demo-missed:%' and a.status = 'OPEN'
                    and s.person_id = any(cast(:ids as uuid[]))""")
                .param("ids", ids).param("now", Timestamp.from(now)).update();
        int cases = demoCases(ids, now);
        log.info("Demo care year: {} people tiered, {} visits, {} 四协助 items, {} visit deadlines, {} alerts, {} cases in {} ms",
                tiered, visits, assists, scheduled.size(), raised, cases, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A few cases among the red and yellow (some closed), and three community activities per
     * community of the batch, so the casework pages and the dashboard's case figures have something
     * to show. Contents are one fixed text, encrypted once.
     */
    private int demoCases(String[] ids, Instant now) {
        String intake = cipher.encrypt(Messages.text("care.demo.case-intake"));
        String summary = cipher.encrypt(Messages.text("care.demo.case-summary"));
        int cases = jdbc.sql("""
                insert into care.cases (county_code, id, person_id, region_code, worker_id, supervisor_id, team_ids, intake,
                    status, opened_at, closed_at, summary, version, kind)
                select s.county_code, gen_random_uuid(), s.person_id, s.region_code, :by, null, '{}', :intake,
                    case when h % 3 = 0 then 'CLOSED' else 'OPEN' end,
                    cast(:now as timestamptz) - make_interval(days => 20 + h % 200),
                    case when h % 3 = 0 then cast(:now as timestamptz) - make_interval(days => h % 20) end,
                    case when h % 3 = 0 then :summary end, 0, 'CASE'
                from (select *, abs(hashtext(person_id::text || 'case')) as h from care.subjects
                      where person_id = any(cast(:ids as uuid[])) and tier in ('RED', 'YELLOW')) s
                where s.h % 4 = 0""")
                .param("ids", ids).param("by", DEMO_VISITOR).param("intake", intake).param("summary", summary)
                .param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                insert into care.activities (county_code, id, region_code, title, held_on, place, attendance, summary,
                    recorded_by, recorded_at)
                select c.county_code, gen_random_uuid(), c.community, a.title, cast(:today as date) - a.days_ago, a.place,
                    a.people + abs(hashtext(c.community)) % 20, null, :by, :now
                from (select distinct county_code, left(region_code, 12) as community from care.subjects
                      where person_id = any(cast(:ids as uuid[]))) c
                cross join (values ('重阳节敬老活动', 59, '社区广场', 60), ('冬季健康义诊', 21, '社区卫生服务站', 35),
                        ('独居老人互助茶话会', 7, '社区活动室', 18)) as a(title, days_ago, place, people)""")
                .param("ids", ids).param("by", DEMO_VISITOR).param("now", Timestamp.from(now))
                .param("today", java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")))).update();
        return cases;
    }
}
