package cn.wushe.volunteering.demo;

import cn.wushe.identity.VolunteerSignUps;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.db.CopyIn;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import cn.wushe.units.Unit;
import cn.wushe.units.Units;
import cn.wushe.volunteering.internal.Activities;
import cn.wushe.volunteering.internal.HoursLedger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: 白水县's volunteers (about 3,000 over its communities), about 40 teams of its
 * units, a year of confirmed activities with their hours, points and star levels, a weekday-evening
 * tutoring service (课后辅导) at a children's station, a points store in 道北社区, and today's open
 * activity for the demo {@code volunteer} account, which is linked to its profile; the
 * {@code team_leader} account leads the first team. Written once, in one transaction, by COPY;
 * skipped when demo volunteers exist. Runs after the demo units (25) and accounts (30).
 */
@Component
@Order(45)
@ConditionalOnBooleanProperty(name = "wushe.demo.enabled")
class DemoVolunteering implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVolunteering.class);
    static final UUID DEMO_ACTOR = UUID.nameUUIDFromBytes("volunteering-demo".getBytes(StandardCharsets.UTF_8));
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final java.util.Properties WORDS = words();
    private static final String SURNAMES = WORDS.getProperty("surnames");
    private static final String GIVEN = WORDS.getProperty("given");
    private static final String[] SKILLS = WORDS.getProperty("skills").split(",");
    private static final String[] TITLES = WORDS.getProperty("titles").split(",");
    private static final String[] LINES = {"ELDERLY", "ENVIRONMENT", "CIVILIZATION", "ELDERLY", "COMMUNITY", "ENVIRONMENT",
            "CIVILIZATION", "ENVIRONMENT"};
    static final double LAT = 35.1778;
    static final double LNG = 109.5931;

    private final Regions regions;
    private final Units units;
    private final VolunteerSignUps accounts;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final CopyIn copy;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final HoursLedger ledger;
    private final Activities activities;
    private final Clock clock;
    private final String county;
    private final int count;

    DemoVolunteering(Regions regions, Units units, VolunteerSignUps accounts, FieldCipher cipher, BlindIndex index,
            CopyIn copy, JdbcClient jdbc, TransactionTemplate tx, HoursLedger ledger, Activities activities, Clock clock,
            @Value("${wushe.home-county:610527}") String county, @Value("${wushe.demo.volunteers:3000}") int count) {
        this.regions = regions;
        this.units = units;
        this.accounts = accounts;
        this.cipher = cipher;
        this.index = index;
        this.copy = copy;
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.activities = activities;
        this.clock = clock;
        this.county = county;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean present = jdbc.sql("select exists (select 1 from volunteering.volunteers where county_code = :county and source = 'DEMO')")
                .param("county", county).query(Boolean.class).single();
        if (present) {
            log.info("Demo volunteers present; nothing generated");
            return;
        }
        List<String> communities = new ArrayList<>();
        for (Region town : regions.children(county)) {
            regions.children(town.code()).forEach(c -> communities.add(c.code()));
        }
        List<Unit> organizers = units.within(county).stream().filter(Unit::active).toList();
        if (communities.isEmpty() || organizers.isEmpty()) {
            log.warn("No communities or units in county {}; demo volunteers not generated", county);
            return;
        }
        long started = System.nanoTime();
        Integer written = tx.execute(status -> generate(communities, organizers));
        log.info("Demo volunteering: {} volunteers in {} ms", written, (System.nanoTime() - started) / 1_000_000);
    }

    private record Team(UUID id, Unit unit, List<UUID> members, String community) {
    }

    private int generate(List<String> communities, List<Unit> organizers) {
        Random random = new Random(2026);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        String daobei = county + "001001";
        Optional<UUID> volunteerAccount = accounts.accountId("volunteer");
        Optional<UUID> leaderAccount = accounts.accountId("team_leader");

        StringBuilder lines = new StringBuilder();
        List<UUID> ids = new ArrayList<>();
        List<String> homes = new ArrayList<>();
        java.util.Map<UUID, String> homeOf = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.nameUUIDFromBytes(("volunteering-demo:" + county + ":" + i).getBytes(StandardCharsets.UTF_8));
            String community = i < 60 ? daobei : communities.get(random.nextInt(communities.size()));
            LocalDate birth = LocalDate.of(1958, 1, 1).plusDays(i * 5L);
            String first17 = county + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            String number = first17 + IdentityNumber.checkCharacter(first17);
            String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                    + GIVEN.charAt(random.nextInt(GIVEN.length())) + (random.nextBoolean() ? GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
            UUID user = i == 0 ? volunteerAccount.orElse(null) : i == 1 ? leaderAccount.orElse(null) : null;
            String skills = "{" + SKILLS[random.nextInt(SKILLS.length)] + "}";
            CopyIn.row(lines, county, id, user, community, i == 0 ? WORDS.getProperty("self-name") : name, cipher.encrypt(number),
                    index.of(IdentityNumber.BLIND_INDEX_PURPOSE, number), "RESIDENT_ID", cipher.encrypt(phone),
                    index.of(PhoneNumber.BLIND_INDEX_PURPOSE, phone), birth.getYear(), skills, random.nextInt(10) == 0,
                    random.nextInt(6) == 0, "DEMO", ts(now));
            ids.add(id);
            homes.add(community);
            homeOf.put(id, community);
        }
        copy.copy("volunteering.volunteers (county_code, id, user_id, community_code, real_name, id_number_enc, "
                + "id_number_bidx, id_type, phone_enc, phone_bidx, birth_year, skills, backbone, party_member, source, created_at)", lines);

        // teams: about 40, over the county's units; members join from the whole pool
        List<Team> teams = new ArrayList<>();
        StringBuilder teamLines = new StringBuilder();
        StringBuilder memberLines = new StringBuilder();
        int teamCount = Math.max(1, Math.min(40, count / 60));
        for (int t = 0; t < teamCount; t++) {
            Unit unit = organizers.get(t % organizers.size());
            UUID id = UUID.nameUUIDFromBytes(("volunteering-demo-team:" + county + ":" + t).getBytes(StandardCharsets.UTF_8));
            String name = WORDS.getProperty("team").formatted(unit.name(), t / organizers.size() + 1);
            CopyIn.row(teamLines, county, id, unit.id().value(), unit.regionCode(), name,
                    t == 0 ? leaderAccount.orElse(null) : null, ts(now));
            List<UUID> members = new ArrayList<>();
            for (int m = 0; m < 60 && t * 60 + m < ids.size(); m++) {
                UUID member = ids.get(t * 60 + m);
                members.add(member);
                CopyIn.row(memberLines, county, id, member, today.minusYears(1).minusDays(random.nextInt(200)), null);
            }
            String community = unit.regionCode().length() == 12 ? unit.regionCode() : homes.get(t * 60 % homes.size());
            teams.add(new Team(id, unit, members, community));
        }
        copy.copy("volunteering.teams (county_code, id, unit_id, region_code, name, leader_user_id, created_at)", teamLines);
        copy.copy("volunteering.team_members (county_code, team_id, volunteer_id, joined_on, left_on)", memberLines);

        // a year of activities: each team every second week, 6–12 members present, confirmed
        StringBuilder activities = new StringBuilder();
        StringBuilder enrolments = new StringBuilder();
        StringBuilder attendances = new StringBuilder();
        StringBuilder hours = new StringBuilder();
        StringBuilder pointRows = new StringBuilder();
        java.util.Map<String, Integer> balances = new java.util.HashMap<>();
        int occurrence = 0;
        StringBuilder outcomeRows = new StringBuilder();
        for (Team team : teams) {
            for (int week = 52; week >= 1; week -= 2) {
                int kind = random.nextInt(TITLES.length);
                Instant start = today.minusWeeks(week).with(DayOfWeek.SATURDAY).atTime(9, 0).atZone(CHINA).toInstant();
                Instant end = start.plus(Duration.ofHours(2 + random.nextInt(3)));
                UUID activity = UUID.nameUUIDFromBytes(("volunteering-demo-activity:" + team.id() + ":" + week).getBytes(StandardCharsets.UTF_8));
                CopyIn.row(activities, county, activity, team.community(), team.unit().id().value(), team.id(), false,
                        TITLES[kind], LINES[kind], ts(start), ts(end), ts(start.minus(Duration.ofHours(2))), WORDS.getProperty("venue"),
                        LAT + random.nextGaussian() * 0.01, LNG + random.nextGaussian() * 0.01, 200, 15, "{}", "CONFIRMED",
                        null, null, DEMO_ACTOR, ts(start.minus(Duration.ofDays(7))), ts(end.plus(Duration.ofHours(2))), DEMO_ACTOR);
                int present = 6 + random.nextInt(7);
                java.util.LinkedHashSet<UUID> attending = new java.util.LinkedHashSet<>();
                if (team == teams.getFirst()) {
                    attending.add(team.members().getFirst()); // the demo volunteer serves with the first team every time
                }
                for (int p = 0; p < present && p < team.members().size(); p++) {
                    attending.add(team.members().get((p + occurrence) % team.members().size()));
                }
                for (UUID v : attending) {
                    Instant in = start.plus(Duration.ofMinutes(random.nextInt(15)));
                    Instant out = end.minus(Duration.ofMinutes(random.nextInt(10)));
                    int minutes = (int) Duration.between(in, out).toMinutes();
                    CopyIn.row(enrolments, county, activity, v, "ENROLLED", ts(start.minus(Duration.ofDays(3))));
                    CopyIn.row(attendances, county, activity, v, ts(in), 5 + random.nextInt(80), 10 + random.nextInt(30),
                            ts(out), false, null, v);
                    UUID row = UUID.randomUUID();
                    CopyIn.row(hours, county, row, v, activity, team.community(), team.unit().id().value(), team.id(), ts(in),
                            ts(out), minutes, "CONFIRMED", null, null, DEMO_ACTOR, ts(end.plus(Duration.ofHours(2))));
                    int earned = minutes * 10 / 60;
                    String home = homeOf.get(v);
                    CopyIn.row(pointRows, county, UUID.randomUUID(), home, v, earned, "HOURS", row, null, DEMO_ACTOR,
                            ts(end.plus(Duration.ofHours(2))));
                    balances.merge(home + "|" + v, earned, Integer::sum);
                }
                String outcome = switch (LINES[kind]) {
                    case "ELDERLY" -> "MEALS";
                    case "ENVIRONMENT" -> "TREES";
                    case "CIVILIZATION" -> "PERSUASION";
                    default -> "PEOPLE_SERVED";
                };
                CopyIn.row(outcomeRows, county, activity, outcome, 5 + random.nextInt(40), team.community(),
                        ts(end.plus(Duration.ofHours(2))));
                occurrence++;
            }
        }
        // the tutoring service (课后辅导): weekday evenings at the children's station of 道北社区, a year back and a month ahead
        UUID series = UUID.nameUUIDFromBytes(("volunteering-demo-tutoring:" + county).getBytes(StandardCharsets.UTF_8));
        Team first = teams.getFirst();
        for (LocalDate d = today.minusYears(1); d.isBefore(today.plusMonths(1)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            Instant start = d.atTime(18, 30).atZone(CHINA).toInstant();
            Instant end = start.plus(Duration.ofMinutes(90));
            boolean past = end.isBefore(now);
            UUID activity = UUID.nameUUIDFromBytes(("volunteering-demo-tutoring:" + d).getBytes(StandardCharsets.UTF_8));
            CopyIn.row(activities, county, activity, daobei, first.unit().id().value(), null, false, WORDS.getProperty("tutoring-title"),
                    "CHILDREN", ts(start), ts(end), ts(start.minus(Duration.ofHours(4))), WORDS.getProperty("tutoring-venue"), LAT, LNG, 100, 3,
                    "{" + WORDS.getProperty("tutoring-skill") + "}", past ? "CONFIRMED" : "OPEN", series, past ? 8 + random.nextInt(12) : null, DEMO_ACTOR,
                    ts(start.minus(Duration.ofDays(30))), past ? ts(end.plus(Duration.ofHours(1))) : null, past ? DEMO_ACTOR : null);
        }
        // the tutoring service's schedule, so the schedule editor shows it beside the generated occurrences
        jdbc.sql("""
                insert into volunteering.schedules (county_code, id, region_code, organizer_unit_id, title, service_line,
                    venue_name, weekdays, starts_time, duration_minutes, slots, first_day, last_day, created_by, created_at)
                values (:county, :id, :region, :unit, :title, 'CHILDREN', :venue, '{1,2,3,4,5}', '18:30', 90, 3, :first, :last,
                    :by, :at)""")
                .param("county", county).param("id", series).param("region", daobei).param("unit", first.unit().id().value())
                .param("title", WORDS.getProperty("tutoring-title")).param("venue", WORDS.getProperty("tutoring-venue"))
                .param("first", today.minusYears(1)).param("last", today.plusMonths(1).minusDays(1)).param("by", DEMO_ACTOR)
                .param("at", java.sql.Timestamp.from(now)).update();
        // today's activity for the demo volunteer: open all day at 道北社区
        // from an hour before the demo was generated, so it is open whenever the demo starts
        Instant todayStart = now.minus(Duration.ofHours(1));
        UUID todayActivity = UUID.nameUUIDFromBytes(("volunteering-demo-today:" + today).getBytes(StandardCharsets.UTF_8));
        CopyIn.row(activities, county, todayActivity, daobei, first.unit().id().value(), null, false, WORDS.getProperty("today-title"),
                "CIVILIZATION", ts(todayStart), ts(todayStart.plus(Duration.ofHours(13))), ts(todayStart),
                WORDS.getProperty("today-venue"), LAT, LNG, 300, 50, "{}", "OPEN", null, null, DEMO_ACTOR, ts(now), null, null);
        copy.copy("volunteering.activities (county_code, id, region_code, organizer_unit_id, team_id, team_only, title, "
                + "service_line, starts_at, ends_at, cancel_cutoff, venue_name, venue_lat, venue_lng, radius_m, slots, skills, "
                + "status, series_id, people_served, created_by, created_at, confirmed_at, confirmed_by)", activities);
        copy.copy("volunteering.enrolments (county_code, activity_id, volunteer_id, status, enrolled_at)", enrolments);
        copy.copy("volunteering.outcomes (county_code, activity_id, outcome, quantity, region_code, recorded_at)", outcomeRows);
        proposals(first, now);
        copy.copy("volunteering.attendances (county_code, activity_id, volunteer_id, checked_in_at, check_in_distance_m, "
                + "check_in_accuracy_m, checked_out_at, by_organizer, organizer_reason, recorded_by)", attendances);
        copy.copy("volunteering.hours_ledger (county_code, id, volunteer_id, activity_id, region_code, organizer_unit_id, "
                + "team_id, period_start, period_end, minutes, kind, reverses_id, reason, recorded_by, recorded_at)", hours);
        copy.copy("volunteering.points_ledger (county_code, id, community_code, volunteer_id, points, kind, reference_id, "
                + "reason, recorded_by, recorded_at)", pointRows);
        StringBuilder balanceLines = new StringBuilder();
        balances.forEach((key, points) -> {
            String[] parts = key.split("\\|");
            CopyIn.row(balanceLines, county, parts[0], UUID.fromString(parts[1]), points);
        });
        copy.copy("volunteering.points_balances (county_code, community_code, volunteer_id, balance)", balanceLines);
        StringBuilder goods = new StringBuilder();
        for (String item : WORDS.getProperty("goods").split(",")) {
            String[] g = item.split(":");
            CopyIn.row(goods, county, UUID.nameUUIDFromBytes(("volunteering-demo-goods:" + g[0]).getBytes(StandardCharsets.UTF_8)),
                    daobei, g[0], Integer.parseInt(g[1]), Integer.parseInt(g[2]), WORDS.getProperty("merchant"), true, ts(now));
        }
        copy.copy("volunteering.goods (county_code, id, community_code, name, price_points, stock, merchant, active, created_at)", goods);
        this.activities.writeMissingSlots(county);
        ledger.recomputeStars(county);
        hoursReports(first, today, now);
        for (String item : WORDS.getProperty("deeds").split(",")) {
            String[] d = item.split(":");
            jdbc.sql("""
                    insert into volunteering.points_deeds (county_code, id, name, points, created_at)
                    values (:county, :id, :name, :points, :at) on conflict do nothing""")
                    .param("county", county)
                    .param("id", UUID.nameUUIDFromBytes(("volunteering-demo-deed:" + county + ":" + d[0]).getBytes(StandardCharsets.UTF_8)))
                    .param("name", d[0]).param("points", Integer.parseInt(d[1])).param("at", java.sql.Timestamp.from(now)).update();
        }
        residentAccounts(county, daobei, now);
        return ids.size();
    }

    /** 居民积分户: residents of 道北社区 without a volunteer profile who earned 垃圾分类 points (V15_41). */
    private void residentAccounts(String county, String daobei, Instant now) {
        String deedName = WORDS.getProperty("deeds").split(",")[0].split(":")[0];
        int worth = Integer.parseInt(WORDS.getProperty("deeds").split(",")[0].split(":")[1]);
        UUID deed = UUID.nameUUIDFromBytes(("volunteering-demo-deed:" + county + ":" + deedName).getBytes(StandardCharsets.UTF_8));
        for (String item : WORDS.getProperty("resident-accounts").split(",")) {
            String[] a = item.split(":");
            UUID id = UUID.nameUUIDFromBytes(("volunteering-demo-account:" + a[1]).getBytes(StandardCharsets.UTF_8));
            int times = Integer.parseInt(a[2]);
            jdbc.sql("""
                    insert into volunteering.points_accounts (county_code, id, community_code, real_name, phone_enc, phone_bidx,
                        created_by, created_at)
                    values (:county, :id, :community, :name, :phoneEnc, :phone, :by, :at) on conflict do nothing""")
                    .param("county", county).param("id", id).param("community", daobei).param("name", a[0])
                    .param("phoneEnc", cipher.encrypt(a[1])).param("phone", index.of(PhoneNumber.BLIND_INDEX_PURPOSE, a[1]))
                    .param("by", DEMO_ACTOR).param("at", java.sql.Timestamp.from(now)).update();
            for (int i = 0; i < times; i++) {
                jdbc.sql("""
                        insert into volunteering.points_ledger (county_code, id, community_code, volunteer_id, points, kind,
                            reference_id, reason, recorded_by, recorded_at)
                        values (:county, :lid, :community, :id, :points, 'DEED', :deed, :reason, :by, :at) on conflict do nothing""")
                        .param("county", county).param("lid", UUID.nameUUIDFromBytes((id + ":" + i).getBytes(StandardCharsets.UTF_8)))
                        .param("community", daobei).param("id", id).param("points", worth).param("deed", deed)
                        .param("reason", deedName).param("by", DEMO_ACTOR).param("at", java.sql.Timestamp.from(now.minusSeconds(86_400L * (times - i)))).update();
            }
            jdbc.sql("""
                    insert into volunteering.points_balances (county_code, community_code, volunteer_id, balance)
                    values (:county, :community, :id, :balance) on conflict do nothing""")
                    .param("county", county).param("community", daobei).param("id", id).param("balance", worth * times).update();
        }
    }

    /** 补报: two members of the first team forgot to check in at a tutoring evening; the organizer has yet to decide. */
    private void hoursReports(Team team, LocalDate today, Instant now) {
        LocalDate day = today.minusDays(3);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.minusDays(1);
        }
        UUID activity = UUID.nameUUIDFromBytes(("volunteering-demo-tutoring:" + day).getBytes(StandardCharsets.UTF_8));
        Instant start = day.atTime(18, 30).atZone(CHINA).toInstant();
        for (int n = 3; n <= 4 && n < team.members().size(); n++) {
            jdbc.sql("""
                    insert into volunteering.hours_reports (county_code, id, volunteer_id, activity_id, region_code, period_start,
                        period_end, minutes, description, status, reported_at)
                    select county_code, :id, :volunteer, id, region_code, :start, :end, 90, :what, 'REPORTED', :at
                    from volunteering.activities where county_code = :county and id = :activity""")
                    .param("id", UUID.nameUUIDFromBytes(("volunteering-demo-report:" + county + ":" + n).getBytes(StandardCharsets.UTF_8)))
                    .param("volunteer", team.members().get(n)).param("start", java.sql.Timestamp.from(start))
                    .param("end", java.sql.Timestamp.from(start.plus(Duration.ofMinutes(90)))).param("what", WORDS.getProperty("report-what"))
                    .param("at", java.sql.Timestamp.from(now.minus(Duration.ofDays(1)))).param("county", county).param("activity", activity)
                    .update();
        }
    }

    /** Two proposals on the first team's consultation board, supported by members, one with a comment. */
    private void proposals(Team team, Instant now) {
        StringBuilder proposals = new StringBuilder();
        StringBuilder supports = new StringBuilder();
        StringBuilder comments = new StringBuilder();
        for (int n = 1; n <= 2; n++) {
            String[] p = WORDS.getProperty("proposal-" + n).split("\\|");
            UUID id = UUID.nameUUIDFromBytes(("volunteering-demo-proposal:" + county + ":" + n).getBytes(StandardCharsets.UTF_8));
            UUID proposer = team.members().get(n);
            Instant at = now.minus(Duration.ofDays(3L * n));
            CopyIn.row(proposals, county, id, team.id(), team.community(), proposer, p[0], p[2], p[1], "PROPOSED", null, null, null,
                    ts(at));
            int count = Integer.parseInt(p[3]);
            for (int s = 0; s < count && s + 2 < team.members().size(); s++) {
                CopyIn.row(supports, county, id, team.members().get(s + 2), ts(at.plus(Duration.ofHours(s + 1))));
            }
            CopyIn.row(comments, county, UUID.nameUUIDFromBytes(("volunteering-demo-comment:" + id).getBytes(StandardCharsets.UTF_8)),
                    id, DEMO_ACTOR, WORDS.getProperty("comment-author"), p[4], ts(at.plus(Duration.ofHours(2))));
        }
        copy.copy("volunteering.proposals (county_code, id, team_id, region_code, proposer_id, title, body, service_line, status, "
                + "decision_reason, decided_by, decided_at, created_at)", proposals);
        copy.copy("volunteering.proposal_supports (county_code, proposal_id, volunteer_id, supported_at)", supports);
        copy.copy("volunteering.proposal_comments (county_code, id, proposal_id, author_id, author_name, body, created_at)", comments);
    }

    private static java.util.Properties words() {
        java.util.Properties words = new java.util.Properties();
        try (var in = DemoVolunteering.class.getResourceAsStream("/volunteering/demo-words.properties")) {
            words.load(new java.io.InputStreamReader(java.util.Objects.requireNonNull(in), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return words;
    }

    private static Instant ts(Instant instant) {
        return instant;
    }
}
