package cn.wushe.registry;

import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.internal.IncomeBand;
import cn.wushe.registry.internal.PersonDraft;

import static cn.wushe.registry.RegionFixture.*;

import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;

/** Actors of every role around the fixture tree, and fresh valid people, for the registry's tests. */
final class RegistryFixtures {

    private RegistryFixtures() {
    }

    /** Edits grid 道北-001, views 道北, searches 城关街道 (design §3). */
    static final TestActor GRID_WORKER = actor("grid-worker", "GRID_WORKER", Map.of(
            Permission.PERSON_EDIT, DAOBEI_GRID_1, Permission.PERSON_VIEW, DAOBEI, Permission.PERSON_SEARCH, TOWN));
    static final TestActor COMMUNITY_WORKER = actor("community-worker", "COMMUNITY_WORKER", Map.of(
            Permission.PERSON_EDIT, DAOBEI, Permission.PERSON_VIEW, DAOBEI, Permission.PERSON_SEARCH, TOWN));
    /** A community worker of the sibling community 工农. */
    static final TestActor SIBLING_WORKER = actor("sibling-worker", "COMMUNITY_WORKER", Map.of(
            Permission.PERSON_EDIT, GONGNONG, Permission.PERSON_VIEW, GONGNONG, Permission.PERSON_SEARCH, TOWN));
    static final TestActor TOWN_STATION = actor("town-station", "TOWN_STATION", Map.of(
            Permission.PERSON_VIEW, TOWN, Permission.PERSON_SEARCH, TOWN, Permission.PII_UNMASK, TOWN));
    static final TestActor COUNTY_ADMIN = actor("county-admin", "COUNTY_ADMIN", Map.of(
            Permission.PERSON_EDIT, COUNTY, Permission.PERSON_VIEW, COUNTY, Permission.PERSON_SEARCH, COUNTY,
            Permission.PII_UNMASK, COUNTY));
    /** Every permission, but in the neighbour county 蒲城县. */
    static final TestActor NEIGHBOUR_ADMIN = actor("neighbour-admin", "COUNTY_ADMIN", Map.of(
            Permission.PERSON_EDIT, NEIGHBOUR_COUNTY, Permission.PERSON_VIEW, NEIGHBOUR_COUNTY,
            Permission.PERSON_SEARCH, NEIGHBOUR_COUNTY, Permission.PII_UNMASK, NEIGHBOUR_COUNTY));

    static TestActor actor(String username, String role, Map<Permission, String> scopes) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        scopes.forEach((p, code) -> grants.put(p, List.of(new RegionScope(code))));
        return new TestActor(UUID.nameUUIDFromBytes(username.getBytes()), username, username, Set.of(role), grants);
    }

    static TestActor resident(String username) {
        return new TestActor(UUID.randomUUID(), username, username, Set.of("RESIDENT"),
                Map.of(Permission.SELF_SERVICE, List.of(new RegionScope(COUNTY))));
    }

    static <T> T as(TestActor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(actor.authentication());
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** A valid resident identity number of a 白水县 birth on a random day, never used before in practice. */
    static String newIdNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(30_000));
        String first17 = "610527" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    private static final String GIVEN = "建国秀英明华丽芳桂兰志强玉梅海燕春生永红淑珍德福";

    static String newName() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "王李张刘杨赵雷党".charAt(r.nextInt(8)) + "" + GIVEN.charAt(r.nextInt(GIVEN.length()))
                + GIVEN.charAt(r.nextInt(GIVEN.length())) + GIVEN.charAt(r.nextInt(GIVEN.length()));
    }

    static PersonDraft draft(String name, String idNumber, String community, String grid) {
        return new PersonDraft(name, null, idNumber, null, "13812345678", community, grid, "道北路 12 号 3 单元",
                null, null, List.of(new PersonDraft.CategoryDraft("DIBAO", LocalDate.of(2024, 1, 1), null, "县民政局", null, null),
                        new PersonDraft.CategoryDraft("DISABLED", LocalDate.of(2020, 5, 1), null, "县残联", "肢体", 2)),
                "高血压，行动不便", IncomeBand.BELOW_DIBAO,
                List.of(new PersonDraft.PartyDraft("王小明", "儿子", "13987654321")),
                List.of(new PersonDraft.PartyDraft("李大姐", "邻居", null)));
    }

    static PersonDraft draftInGrid1() {
        return draft(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1);
    }

    /** The JSON body a client would send for {@link #draft}. */
    static String json(String name, String idNumber, String community, String grid) {
        return """
                {"name":"%s","idNumber":"%s","phone":"13812345678","communityCode":"%s","gridCode":%s,
                 "addressDetail":"道北路 12 号 3 单元",
                 "categories":[{"code":"DIBAO","startDate":"2024-01-01","source":"县民政局"},
                               {"code":"DISABLED","startDate":"2020-05-01","source":"县残联","disabilityType":"肢体","disabilityGrade":2}],
                 "health":"高血压，行动不便","incomeBand":"BELOW_DIBAO",
                 "obligors":[{"name":"王小明","relation":"儿子","phone":"13987654321"}],
                 "contacts":[{"name":"李大姐","relation":"邻居"}]}
                """.formatted(name, idNumber, community, grid == null ? "null" : "\"" + grid + "\"");
    }
}
