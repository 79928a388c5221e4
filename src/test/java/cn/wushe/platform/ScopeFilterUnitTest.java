package cn.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
