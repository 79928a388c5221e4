package cn.wushe.requests.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.RegionScope;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Demo mode: a year of matters in the demo communities — the closed history written with batch
 * inserts (it needs no deadline), the open ones taken in through the intake so each has its
 * 限时办结 deadline and some are near or past it today. Generated from a fixed seed, and only when
 * the county has no matter yet.
 */
@Component
class DemoMatters {

    /** Matters per demo community over the year. */
    static final int PER_COMMUNITY = 1200;
    static final UUID DEMO_TAKER = UUID.nameUUIDFromBytes("wushe-demo-matters".getBytes(StandardCharsets.UTF_8));

    record Words(List<String> surnames, List<String> given, List<String> details, List<String> results) {
    }

    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final Units units;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    private final MatterIntake matterIntake;
    private final MatterClock matterClock;
    private final MatterRouting routing;

    DemoMatters(JdbcTemplate jdbc, Catalogue catalogue, Units units, FieldCipher cipher, ObjectMapper json,
            TransactionTemplate transaction, Clock clock, MatterIntake matterIntake, MatterClock matterClock,
            MatterRouting routing) {
        this.matterIntake = matterIntake;
        this.matterClock = matterClock;
        this.routing = routing;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.units = units;
        this.cipher = cipher;
        this.json = json;
        this.transaction = transaction;
        this.clock = clock;
    }

    int seedYear(String county) {
        Integer existing = jdbc.queryForObject("select count(*) from requests.matters where county_code = ?", Integer.class, county);
        if (existing != null && existing > 0) {
            return 0;
        }
        Words words = words();
        List<CatalogueItem> items = catalogue.active(county);
        List<Unit> committees = units.ofKind(UnitKind.COMMUNITY_COMMITTEE, county);
        if (items.isEmpty() || committees.isEmpty()) {
            return 0;
        }
        Random random = new Random(20261206L);
        Instant now = clock.instant();
        int total = 0;
        for (Unit committee : committees) {
            String town = committee.regionCode().substring(0, 9);
            Optional<Unit> office = units.ofKind(UnitKind.TOWN_GOVERNMENT, town).stream().findFirst();
            List<Unit> departments = units.ofKind(UnitKind.COUNTY_DEPARTMENT, county);
            List<Object[]> matters = new ArrayList<>();
            List<Object[]> events = new ArrayList<>();
            for (int n = 0; n < PER_COMMUNITY; n++) {
                CatalogueItem item = items.get(random.nextInt(items.size()));
                Instant submitted = now.minus(Duration.ofMinutes(30 + random.nextLong(365L * 24 * 60)));
                if (Duration.between(submitted, now).toDays() <= 3) {
                    continue; // the open ones come in below, through the intake
                }
                UUID id = UUID.randomUUID();
                Level level = Level.COMMUNITY;
                UUID unit = committee.id().value();
                int route = random.nextInt(10);
                Unit department = departments.stream().filter(d -> item.department() != null && d.name().endsWith(item.department()))
                        .findFirst().orElse(departments.isEmpty() ? null : departments.get(0));
                events.add(event(county, id, submitted, "SUBMITTED", null, unit, null));
                events.add(event(county, id, submitted.plus(Duration.ofHours(2)), "SIGNED", unit, null, null));
                Instant t = submitted.plus(Duration.ofHours(4));
                if (route >= 6 && office.isPresent()) {
                    events.add(event(county, id, t, "FORWARDED", unit, office.get().id().value(), null));
                    unit = office.get().id().value();
                    level = Level.TOWN;
                    events.add(event(county, id, t.plus(Duration.ofHours(3)), "SIGNED", unit, null, null));
                    t = t.plus(Duration.ofDays(1));
                    if (route >= 8 && department != null) {
                        events.add(event(county, id, t, "FORWARDED", unit, department.id().value(), null));
                        unit = department.id().value();
                        level = Level.COUNTY;
                        events.add(event(county, id, t.plus(Duration.ofHours(5)), "SIGNED", unit, null, null));
                    }
                }
                Instant due = submitted.plus(Duration.ofDays(item.totalDays() * 7L / 5));
                boolean closed = true;
                boolean late = random.nextInt(12) == 0;
                Instant closedAt = closed ? submitted.plus(Duration.ofHours(12 + random.nextInt(
                        (int) Math.max(1, Duration.between(submitted, late ? due.plus(Duration.ofDays(3)) : due).toHours())))) : null;
                if (closedAt != null && closedAt.isAfter(now)) {
                    closedAt = now.minus(Duration.ofMinutes(5));
                }
                Integer rating = closed && random.nextInt(10) < 8 ? (random.nextInt(10) < 8 ? 4 + random.nextInt(2) : 1 + random.nextInt(3)) : null;
                String name = words.surnames().get(random.nextInt(words.surnames().size()))
                        + words.given().get(random.nextInt(words.given().size()));
                String phone = "13" + (100000000 + random.nextInt(900000000));
                String description = item.name() + "："
                        + MessageFormat.format(words.details().get(random.nextInt(words.details().size())), 1 + random.nextInt(30));
                if (closed) {
                    events.add(event(county, id, closedAt, "CLOSED", unit, null, null));
                    if (rating != null) {
                        events.add(event(county, id, closedAt.plus(Duration.ofHours(6)), "RATED", null, null, String.valueOf(rating)));
                    }
                }
                int year = submitted.atZone(MatterIntake.CHINA).getYear();
                Long next = jdbc.queryForObject("select requests.next_number(?, ?)", Long.class, county, year);
                String number = county + "-" + year + "-" + String.format("%06d", next);
                matters.add(new Object[] { county, id, number, item.id(), item.code(), item.version(), item.urgent(),
                        committee.regionCode(), n % 3 == 0 ? "DESK" : "SELF_SERVICE", closed ? "CLOSED" : "HANDLING",
                        level.name(), unit, DEMO_TAKER, cipher.encrypt(name), cipher.encrypt(phone), description,
                        ts(submitted), ts(submitted), ts(due), ts(due), !closed && now.isAfter(due), ts(closedAt),
                        closed ? unit : null, closed ? words.results().get(random.nextInt(words.results().size())) : null,
                        closed ? !closedAt.isAfter(due) : null, rating, rating == null ? null : ts(closedAt.plus(Duration.ofHours(6))) });
            }
            transaction.executeWithoutResult(status -> {
                jdbc.batchUpdate("""
                        insert into requests.matters (county_code, id, number, item_id, item_code, item_version, urgent, region_code,
                            channel, status, level, unit_id, submitted_by, applicant_name, applicant_phone, description,
                            submitted_at, handed_at, level_due_at, due_at, overdue, closed_at, closing_unit_id, result,
                            closed_on_time, rating, rated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                        """, matters);
                jdbc.batchUpdate("""
                        insert into requests.matter_events (county_code, matter_id, at, kind, unit_id, to_unit_id, note)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """, events);
            });
            total += matters.size();
            total += open(county, committee, office.orElse(null), items, words, random);
        }
        return total;
    }

    Words words() {
        try (InputStream in = new ClassPathResource("requests/demo-matters.json").getInputStream()) {
            return json.readValue(in, Words.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Open matters per demo community, taken in through the intake so each runs on its deadline. */
    static final int OPEN_PER_COMMUNITY = 12;

    /**
     * The community's open matters, taken at its desk days ago through {@link MatterIntake} (number,
     * timeline, the one deadline, notices, audit) and caught up to today: some far from their limit,
     * some near it, some past it; a third still waiting for the committee's signature, a quarter
     * handed on to the street office. A limit that would reach a year whose calendar is not entered
     * is refused like any intake: the matter then comes in a week earlier, so its limit ends sooner.
     */
    int open(String county, Unit committee, Unit office, List<CatalogueItem> items, Words words, Random random) {
        List<CatalogueItem> atDesk = items.stream().filter(i -> i.takes(Channel.DESK)).toList();
        Instant now = clock.instant();
        int made = 0;
        for (int n = 0; n < OPEN_PER_COMMUNITY; n++) {
            CatalogueItem item = atDesk.get(random.nextInt(atDesk.size()));
            boolean signed = n % 3 != 0;
            boolean forward = signed && office != null && n % 4 == 1;
            Actor desk = deskWorker(county, signed ? committee.id().value() : null);
            // from 4 working days past the limit to 8 ahead of it, in calendar days (7 for every 5 working days)
            int daysLeft = -4 + random.nextInt(13);
            Instant at = now.minus(Duration.ofDays((item.totalDays() - daysLeft) * 7L / 5)).minus(Duration.ofHours(random.nextInt(6)));
            String name = words.surnames().get(random.nextInt(words.surnames().size()))
                    + words.given().get(random.nextInt(words.given().size()));
            String description = item.name() + "："
                    + MessageFormat.format(words.details().get(random.nextInt(words.details().size())), 1 + random.nextInt(30));
            Map<String, MatterIntake.MaterialInput> seen = new HashMap<>();
            item.materials().forEach(material -> seen.put(material.code(), new MatterIntake.MaterialInput(true, null)));
            MatterIntake.Intake intake = new MatterIntake.Intake(item.code(), Channel.DESK.name(), committee.regionCode(),
                    description, name, "13" + (100000000 + random.nextInt(900000000)), null, null, null, null,
                    IntStream.range(0, item.conditions().size()).boxed().toList(), seen, null, null);
            for (int attempt = 0; attempt < 8; attempt++) {
                Instant taken = at.minus(Duration.ofDays(7L * attempt));
                try {
                    transaction.executeWithoutResult(status -> {
                        Matter m = matterIntake.submit(desk, intake, taken);
                        matterClock.catchUp(m);
                        if (forward) {
                            routing.forward(desk, m.id, null, null);
                        }
                    });
                    made++;
                    break;
                } catch (DomainException e) {
                    if (e.type() != ProblemType.CALENDAR_YEAR_MISSING) {
                        throw e;
                    }
                }
            }
        }
        return made;
    }

    /** The committee's desk as the demo's taker: it signs at intake when it acts for the committee ({@code unit}). */
    private static Actor deskWorker(String county, @Nullable UUID unit) {
        return new Actor() {
            @Override
            public UUID id() {
                return DEMO_TAKER;
            }

            @Override
            public String username() {
                return "demo-desk";
            }

            @Override
            public String displayName() {
                return Messages.text("requests.demo.desk");
            }

            @Override
            public Set<String> roles() {
                return Set.of("COMMUNITY_WORKER");
            }

            @Override
            public List<RegionScope> scopesFor(Permission permission) {
                return permission == Permission.MATTER_SUBMIT || permission == Permission.MATTER_HANDLE
                        || permission == Permission.PERSON_VIEW || permission == Permission.MATTER_VIEW
                        ? List.of(new RegionScope(county)) : List.of();
            }

            @Override
            public Set<UUID> unitIds() {
                return unit == null ? Set.of() : Set.of(unit);
            }
        };
    }

    private static Object[] event(String county, UUID matter, Instant at, String kind, UUID unit, UUID toUnit, String note) {
        return new Object[] { county, matter, ts(at), kind, unit, toUnit, note };
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
