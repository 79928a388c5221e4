package cn.wushe.units.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitAggregateUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private static UnitAggregate station() {
        return UnitAggregate.register(UnitId.random(), UnitKind.TOWN_STATION, "610527001", "城关街道社工站", null, null, NOW);
    }

    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource({
            "COUNTY_DEPARTMENT,610527,true", "COUNTY_DEPARTMENT,610527001,false",
            "TOWN_GOVERNMENT,610527001,true", "TOWN_GOVERNMENT,610527,false",
            "COUNTY_STATION,610527,true", "TOWN_STATION,610527001,true", "TOWN_STATION,610527001001,false",
            "COMMUNITY_ROOM,610527001001,true", "COMMUNITY_ROOM,610527001,false",
            "COMMUNITY_COMMITTEE,610527001001,true", "COMMUNITY_COMMITTEE,610527,false",
            "SOCIAL_ORGANIZATION,610527,true", "SOCIAL_ORGANIZATION,610527001,true",
            "SOCIAL_ORGANIZATION,610527001001,true", "CHARITY_ORGANIZATION,6105,false", "COMPANY,610527001001001,false"})
    void eachKindSitsAtItsRegionLevel(UnitKind kind, String region, boolean fits) {
        assertThat(kind.fits(region)).isEqualTo(fits);
        if (!fits) {
            assertThatThrownBy(() -> UnitAggregate.register(UnitId.random(), kind, region, "某单位", null, null, NOW))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(kind.label());
        }
    }

    @Test
    void aUnitWithActiveChildrenIsNotRetired() {
        UnitAggregate unit = station();

        assertThatThrownBy(() -> unit.retire(2, NOW)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNIT_HAS_CHILDREN);
            assertThat(e.getMessage()).isEqualTo("单位“城关街道社工站”还有 2 个在用的下属单位，请先撤销或调整它们");
        });
        assertThat(unit.active()).isTrue();
    }

    @Test
    void aRetiredUnitTakesNoFurtherChange() {
        UnitAggregate unit = station();
        unit.retire(0, NOW);

        assertThat(unit.active()).isFalse();
        assertThat(unit.toUnit().active()).isFalse();
        assertThatThrownBy(() -> unit.retire(0, NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.UNIT_RETIRED));
        assertThatThrownBy(() -> unit.revise("新名称", null, null, NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.UNIT_RETIRED));
    }

    @Test
    void revisingTheSameStateChangesNothingAndAUnitIsNotItsOwnParent() {
        UnitAggregate unit = station();

        assertThat(unit.revise(" 城关街道社工站 ", null, null, NOW)).isFalse();
        assertThat(unit.revise("城关街道社会工作服务站", null, null, NOW)).isTrue();
        assertThatThrownBy(() -> unit.revise("城关街道社工站", unit.id(), null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("上级单位不能是本单位");
    }

    @ParameterizedTest
    @CsvSource(value = {"'',单位名称须为 2 至 60 个字", "站,单位名称须为 2 至 60 个字"})
    void nameLength(String name, String message) {
        assertThatThrownBy(() -> UnitAggregate.checkedName(name)).hasMessage(message);
    }
}
