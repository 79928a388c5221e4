package cn.wushe.units;

import cn.wushe.units.internal.UnitManagement;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The committee (居委会) of a community that every test shares: a community has one active committee
 * (index {@code units_one_committee}), so no test creates or retires its own. Its id and name are
 * fixed, so fixtures can name it in constants before the database is touched; {@link #ensure}
 * registers it once per database and returns the same id after.
 */
public final class TestCommittees {

    private static final Map<String, String> NAMES = Map.of("610527001001", "测试道北社区居委会",
            "610527001002", "测试工农社区居委会");
    private static final String BY = "测试数据";

    private TestCommittees() {
    }

    /** The id of the tests' committee of {@code community}. */
    public static UnitId id(String community) {
        return new UnitId(UUID.nameUUIDFromBytes(("test-committee:" + community).getBytes(StandardCharsets.UTF_8)));
    }

    /** The name of the tests' committee of {@code community}. */
    public static String name(String community) {
        return NAMES.getOrDefault(community, "测试居委会" + community);
    }

    /**
     * Registers the tests' committee of {@code community} unless it is there, and returns its id. A
     * committee another one left in the community (a database kept from before this helper, whose
     * migration kept the oldest) is retired here, the one place tests do so.
     */
    public static synchronized UnitId ensure(UnitManagement units, String community) {
        UnitId ours = id(community);
        Optional<UnitId> active = units.committeeOf(community);
        if (active.isPresent() && active.get().equals(ours)) {
            return ours;
        }
        active.ifPresent(other -> units.retire(other, BY));
        if (!units.seed(ours, UnitKind.COMMUNITY_COMMITTEE, community, name(community), null, null, BY)) {
            throw new IllegalStateException("the tests' committee of " + community
                    + " was retired or its name is taken: no test may retire it or reuse its name");
        }
        return ours;
    }
}
