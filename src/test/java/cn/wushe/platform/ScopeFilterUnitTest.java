package cn.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScopeFilterUnitTest {

    @Test
    void aSingleScopeUsesPlainEqualitySoAnIndexReturnsRowsInOrder() {
        ScopeFilter.SqlPredicate p = ScopeFilter.of(List.of(new RegionScope("610527001")), "p.county_code", "p.region_code");

        assertThat(p.sql()).isEqualTo("(p.county_code = :scope_counties and (left(p.region_code, 9) = :scope_9))");
        assertThat(p.params()).containsEntry("scope_counties", "610527").containsEntry("scope_9", "610527001");
    }

    @Test
    void severalScopesOfALevelUseAnArray() {
        ScopeFilter.SqlPredicate p = ScopeFilter.of(List.of(new RegionScope("610527001001"), new RegionScope("610526001001")),
                "c", "r");

        assertThat(p.sql()).isEqualTo("(c = any(:scope_counties) and (left(r, 12) = any(:scope_12)))");
        assertThat((String[]) p.params().get("scope_12")).containsExactly("610527001001", "610526001001");
    }

    @Test
    void noScopeMatchesNothing() {
        assertThat(ScopeFilter.of(List.of(), "c", "r").sql()).isEqualTo("false");
    }

    private static final UUID UNIT_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID UNIT_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static TestActor member(UUID... units) {
        return TestActor.of("member", "ORG_STAFF", "610527001", Permission.PERSON_VIEW).inUnits(units);
    }

    @Test
    void ownUnitOfOneUnitIsPlainEquality() {
        ScopeFilter.SqlPredicate p = ScopeFilter.ownUnit(member(UNIT_A), "x.owner_unit_id");

        assertThat(p.sql()).isEqualTo("(x.owner_unit_id = :scope_unit)");
        assertThat(p.params()).containsEntry("scope_unit", UNIT_A);
    }

    @Test
    void ownUnitOfSeveralUnitsIsAnArray() {
        ScopeFilter.SqlPredicate p = ScopeFilter.ownUnit(member(UNIT_B, UNIT_A), "owner_unit_id");

        assertThat(p.sql()).isEqualTo("(owner_unit_id = any(cast(:scope_units as uuid[])))");
        assertThat((String[]) p.params().get("scope_units")).containsExactly(UNIT_A.toString(), UNIT_B.toString());
    }

    @Test
    void anActorWithoutUnitsOwnsNothing() {
        assertThat(ScopeFilter.ownUnit(member(), "owner_unit_id").sql()).isEqualTo("false");
    }

    @Test
    void assignedToMeOrMyUnit() {
        TestActor actor = member(UNIT_A);

        ScopeFilter.SqlPredicate p = ScopeFilter.assignedToMeOrMyUnit(actor, "m.assignee_user_id", "m.assignee_unit_id");

        assertThat(p.sql()).isEqualTo("(m.assignee_user_id = :scope_me or m.assignee_unit_id = :scope_unit)");
        assertThat(p.params()).containsEntry("scope_me", actor.id()).containsEntry("scope_unit", UNIT_A);
    }

    @Test
    void withoutUnitsOnlyWhatIsAssignedToMeInPerson() {
        TestActor actor = member();

        ScopeFilter.SqlPredicate p = ScopeFilter.assignedToMeOrMyUnit(actor, "assignee_user_id", "assignee_unit_id");

        assertThat(p.sql()).isEqualTo("(assignee_user_id = :scope_me)");
        assertThat(p.params()).containsOnlyKeys("scope_me");
    }

    @Test
    void ownUnitCombinesWithTheRegionPredicate() {
        ScopeFilter.SqlPredicate p = ScopeFilter.ownUnitWithin(member(UNIT_A), Permission.PERSON_VIEW,
                "x.owner_unit_id", "x.county_code", "x.region_code");

        assertThat(p.sql()).isEqualTo("((x.owner_unit_id = :scope_unit) and "
                + "(x.county_code = :scope_counties and (left(x.region_code, 9) = :scope_9)))");
        assertThat(p.params()).containsKeys("scope_unit", "scope_counties", "scope_9");
    }

    @Test
    void assignedCombinesWithTheRegionPredicateAndNoRegionMeansNothing() {
        TestActor noRegion = new TestActor(UUID.randomUUID(), "n", "n", java.util.Set.of("ORG_STAFF"), Map.of(),
                java.util.Set.of(UNIT_A));

        assertThat(ScopeFilter.assignedWithin(noRegion, Permission.PERSON_VIEW, "u", "g", "c", "r").sql()).isEqualTo("false");
        assertThat(ScopeFilter.assignedWithin(member(UNIT_A), Permission.PERSON_VIEW, "u", "g", "c", "r").sql())
                .isEqualTo("((u = :scope_me or g = :scope_unit) and (c = :scope_counties and (left(r, 9) = :scope_9)))");
    }

    @Test
    void aParameterBoundTwiceWithDifferentValuesIsRefused() {
        ScopeFilter.SqlPredicate a = ScopeFilter.ownUnit(member(UNIT_A), "x");
        ScopeFilter.SqlPredicate b = ScopeFilter.ownUnit(member(UNIT_B), "y");

        assertThatThrownBy(() -> a.and(b)).isInstanceOf(IllegalArgumentException.class);
    }
}
