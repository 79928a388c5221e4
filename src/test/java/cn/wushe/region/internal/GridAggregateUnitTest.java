package cn.wushe.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.DomainException;
import cn.wushe.region.internal.GridCode;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GridAggregateUnitTest {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);

    final GridAggregate grid = GridAggregate.create(new GridCode("610527102201001"), new GridName("第一网格"), null, null, T0);

    @Test
    void aNewGridIsActiveAndShowsAsTheApiRecord() {
        assertThat(grid.active()).isTrue();
        assertThat(grid.version()).isZero();
        assertThat(grid.toGrid()).isEqualTo(new cn.wushe.region.Grid("610527102201001", "610527102201", "610527",
                "第一网格", true));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        assertThat(grid.rename(new GridName("第一网格"), T1)).isFalse();
        assertThat(grid.updatedAt()).isEqualTo(T0);
        assertThat(grid.rename(new GridName("东片网格"), T1)).isTrue();
        assertThat(grid.name().value()).isEqualTo("东片网格");
        assertThat(grid.updatedAt()).isEqualTo(T1);
    }

    @Test
    void redrawingSetsCentreAndOutline() {
        GeoPoint centre = new GeoPoint(new BigDecimal("35.17"), new BigDecimal("109.59"));
        assertThat(grid.redraw(centre, null, T1)).isTrue();
        assertThat(grid.redraw(new GeoPoint(new BigDecimal("35.170000"), new BigDecimal("109.590000")), null, T1))
                .isFalse();
        assertThat(grid.redraw(null, null, T1)).isTrue();
        assertThat(grid.centre()).isNull();
    }

    @Test
    void aRetiredGridTakesNoFurtherChange() {
        grid.retire(T1);
        assertThat(grid.active()).isFalse();
        assertThat(grid.retiredAt()).isEqualTo(T1);
        assertThatThrownBy(() -> grid.retire(T1)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> grid.rename(new GridName("新名"), T1)).hasMessageContaining("已撤销");
        assertThatThrownBy(() -> grid.redraw(null, null, T1)).hasMessageContaining("已撤销");
    }
}
