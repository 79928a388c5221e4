package cn.wushe.volunteering.internal;

import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.units.TestCommittees;
import cn.wushe.units.UnitId;
import cn.wushe.units.internal.UnitManagement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Committed test data of the volunteering tests: fixed ids, written once per database (a second call
 * changes nothing), so rolled-back cells and concurrent tests share it.
 */
public class VolunteeringFixtures {

    /** 道北社区 of 城关街道, 白水县 */
    public static final String DAOBEI = "610527001001";
    public static final double LAT = 35.1778;
    public static final double LNG = 109.5931;

    private final Volunteers volunteers;
    private final Activities activities;
    private final UnitManagement units;
    private final JdbcClient jdbc;

    public VolunteeringFixtures(Volunteers volunteers, Activities activities, UnitManagement units, JdbcClient jdbc) {
        this.volunteers = volunteers;
        this.activities = activities;
        this.units = units;
        this.jdbc = jdbc;
    }

    /**
     * This JVM's run: the test database outlives a build, so every id, account and identity number is
     * made unique per run (a second call within the run still finds the same data).
     */
    public static final String RUN = Long.toString(System.nanoTime() % 1_000_000_007L, 36);

    public static UUID fixed(String key) {
        return UUID.nameUUIDFromBytes(("volunteering-test:" + RUN + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** A login name unique to this run. */
    public static String username(String name) {
        return name + "_" + RUN;
    }

    /** A volunteer's account with {@code VOLUNTEER_SELF} over {@code county}. */
    public static TestActor volunteerActor(String username, String county) {
        return TestActor.of(username(username), "VOLUNTEER", county, Permission.VOLUNTEER_SELF);
    }

    /** A community worker (region role) over {@code scope}: view, organize, reveal, keep the store. */
    public static TestActor worker(String username, String scope, UUID unit) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        for (Permission p : List.of(Permission.VOLUNTEER_VIEW, Permission.ACTIVITY_MANAGE, Permission.PII_UNMASK,
                Permission.POINTS_REDEEM, Permission.HONOUR_AWARD)) {
            grants.put(p, List.of(new RegionScope(scope)));
        }
        return new TestActor(UUID.nameUUIDFromBytes(username(username).getBytes(StandardCharsets.UTF_8)), username, username,
                Set.of("COMMUNITY_WORKER"), grants, Set.of(unit));
    }

    /** A valid resident identity number of {@code county}, unique to this run and {@code n}. */
    public static String identityNumber(String county, int n) {
        java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(Math.floorMod(RUN.hashCode(), 18_000) + n / 1000);
        String first17 = county + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    /** The committee of {@code community}, shared with every module's tests: a community has one. */
    public UnitId committee(String community) {
        return TestCommittees.ensure(units, community);
    }

    /** A volunteer of {@code community} (linked to {@code user} when given); the existing one when already there. */
    public UUID volunteer(String key, String community, @Nullable UUID user, String name, int number) {
        UUID id = fixed("volunteer:" + key);
        boolean exists = jdbc.sql("select exists (select 1 from volunteering.volunteers where id = :id)").param("id", id)
                .query(Boolean.class).single();
        if (!exists) {
            volunteers.insert(id, user, community, name,
                    new IdentityNumber(IdDocumentType.RESIDENT_ID, identityNumber(community.substring(0, 6), number)), null,
                    new Volunteers.NewVolunteer(name, null, null, community, List.of(), null, false, false, null), "DEMO");
        }
        return id;
    }

    /** An activity at the test venue, open, from {@code starts} to {@code ends}, with {@code slots}. */
    public UUID activity(String key, String region, UUID organizer, Instant starts, Instant ends, int slots) {
        UUID id = fixed("activity:" + key);
        boolean exists = jdbc.sql("select exists (select 1 from volunteering.activities where id = :id)").param("id", id)
                .query(Boolean.class).single();
        if (!exists) {
            Instant cutoff = starts.minusSeconds(3600);
            activities.insert(id, region, organizer, null, false, "测试活动" + key, "COMMUNITY", starts, ends, cutoff,
                    "道北社区广场", LAT, LNG, 100, slots, List.of(), null, organizer);
        }
        return id;
    }

    public UUID team(String key, String region, UUID unit) {
        UUID id = fixed("team:" + key);
        jdbc.sql("""
                insert into volunteering.teams (county_code, id, unit_id, region_code, name, created_at)
                values (left(:region, 6), :id, :unit, :region, :name, now()) on conflict do nothing""")
                .param("region", region).param("id", id).param("unit", unit).param("name", "测试服务队" + key + RUN).update();
        return id;
    }

    public void attendance(UUID activity, UUID volunteer, Instant in, @Nullable Instant out) {
        jdbc.sql("""
                insert into volunteering.enrolments (county_code, activity_id, volunteer_id, status, enrolled_at)
                select county_code, :activity, :volunteer, 'ENROLLED', :in from volunteering.activities where id = :activity
                on conflict do nothing""").param("activity", activity).param("volunteer", volunteer)
                .param("in", Times.ts(in)).update();
        jdbc.sql("""
                update volunteering.activity_slots set volunteer_id = :volunteer where (county_code, activity_id, slot_no) =
                  (select county_code, activity_id, min(slot_no) from volunteering.activity_slots
                   where activity_id = :activity and volunteer_id is null group by county_code, activity_id)
                  and not exists (select 1 from volunteering.activity_slots where activity_id = :activity and volunteer_id = :volunteer)""")
                .param("activity", activity).param("volunteer", volunteer).update();
        jdbc.sql("""
                insert into volunteering.attendances (county_code, activity_id, volunteer_id, checked_in_at, checked_out_at,
                    check_in_distance_m, recorded_by)
                select county_code, :activity, :volunteer, :in, :out, 5, :volunteer from volunteering.activities where id = :activity
                on conflict do nothing""").param("activity", activity).param("volunteer", volunteer)
                .param("in", Times.ts(in)).param("out", Times.ts(out)).update();
    }

    public void balance(String community, UUID volunteer, int points) {
        jdbc.sql("""
                insert into volunteering.points_balances (county_code, community_code, volunteer_id, balance)
                values (left(:community, 6), :community, :volunteer, :points) on conflict do nothing""")
                .param("community", community).param("volunteer", volunteer).param("points", points).update();
    }

    public UUID goods(String key, String community, int price, int stock) {
        UUID id = fixed("goods:" + key);
        jdbc.sql("""
                insert into volunteering.goods (county_code, id, community_code, name, price_points, stock, created_at)
                values (left(:community, 6), :id, :community, :name, :price, :stock, now()) on conflict do nothing""")
                .param("community", community).param("id", id).param("name", "测试商品" + key + RUN).param("price", price)
                .param("stock", stock).update();
        return id;
    }

    /** A confirmed ledger row of {@code minutes} for {@code volunteer} on {@code activity}. */
    public UUID ledgerRow(String key, UUID activity, UUID volunteer, Instant start, int minutes) {
        UUID id = fixed("ledger:" + key);
        jdbc.sql("""
                insert into volunteering.hours_ledger (county_code, id, volunteer_id, activity_id, region_code,
                    organizer_unit_id, period_start, period_end, minutes, kind, recorded_by, recorded_at)
                select a.county_code, :id, :volunteer, a.id, a.region_code, a.organizer_unit_id, :start, :end, :minutes,
                    'CONFIRMED', :volunteer, now()
                from volunteering.activities a where a.id = :activity on conflict do nothing""")
                .param("id", id).param("volunteer", volunteer).param("activity", activity).param("start", Times.ts(start))
                .param("end", Times.ts(start.plusSeconds(minutes * 60L))).param("minutes", minutes).update();
        return id;
    }
}
