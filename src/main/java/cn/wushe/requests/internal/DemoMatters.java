package cn.wushe.requests.internal;

import cn.wushe.platform.FieldCipher;
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
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Demo mode: a year of matters in the demo communities, written with batch inserts (no deadlines:
 * history is closed, and the few still open are marked by what their due time says). Generated from
 * a fixed seed, and only when the county has no matter yet.
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

    DemoMatters(JdbcTemplate jdbc, Catalogue catalogue, Units units, FieldCipher cipher, ObjectMapper json,
            TransactionTemplate transaction, Clock clock) {
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
        Words words;
        try (InputStream in = new ClassPathResource("requests/demo-matters.json").getInputStream()) {
            words = json.readValue(in, Words.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                long ageDays = Duration.between(submitted, now).toDays();
                boolean closed = ageDays > 3 || random.nextInt(4) == 0;
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
        }
        return total;
    }

    private static Object[] event(String county, UUID matter, Instant at, String kind, UUID unit, UUID toUnit, String note) {
        return new Object[] { county, matter, ts(at), kind, unit, toUnit, note };
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
