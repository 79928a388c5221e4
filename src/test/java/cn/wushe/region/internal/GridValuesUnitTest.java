package cn.wushe.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Grid names, centre points and GeoJSON boundaries: what each accepts and the Chinese message for what not. */
class GridValuesUnitTest {

    static final String SQUARE = "[[109.59,35.17],[109.60,35.17],[109.60,35.18],[109.59,35.18],[109.59,35.17]]";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aNameIsNotEmpty(String name) {
        assertThatThrownBy(() -> new GridName(name)).hasMessage("网格名称不能为空");
    }

    @Test
    void aNameHasAtMostFiftyCharacters() {
        assertThat(new GridName(" " + "网".repeat(50) + " ").value()).hasSize(50);
        assertThatThrownBy(() -> new GridName("网".repeat(51))).hasMessage("网格名称不能超过 50 个字");
        assertThatThrownBy(() -> new GridName("第一\n网格")).hasMessage("网格名称不能包含换行等控制字符");
    }

    @ParameterizedTest(name = "{0},{1} → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            90.1,     109.5,   中心点纬度应在 -90 到 90 之间
            -90.0001, 109.5,   中心点纬度应在 -90 到 90 之间
            35.1,     180.01,  中心点经度应在 -180 到 180 之间
            35.1,     -,       中心点的纬度和经度须同时填写
            -,        109.5,   中心点的纬度和经度须同时填写
            """)
    void refusesACentreOutsideWgs84Ranges(BigDecimal lat, BigDecimal lng, String message) {
        assertThatThrownBy(() -> GeoPoint.ofNullable(lat, lng)).hasMessage(message);
    }

    @Test
    void keepsACentreToSixDecimals() {
        GeoPoint p = GeoPoint.ofNullable(new BigDecimal("35.1771234"), new BigDecimal("-180"));
        assertThat(p).isNotNull();
        assertThat(p.lat()).isEqualByComparingTo("35.177123");
        assertThat(GeoPoint.ofNullable(null, null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}",
            "{\"type\":\"MultiPolygon\",\"coordinates\":[[" + SQUARE + "],[" + SQUARE + "]]}",
            "{\"coordinates\":[" + SQUARE + "],\"type\":\"Polygon\",\"properties\":{\"x\":1}}"})
    void acceptsPolygonsAndMultiPolygons(String geoJson) {
        GridBoundary boundary = new GridBoundary(geoJson);
        assertThat(boundary.geoJson()).startsWith("{\"type\":").doesNotContain("properties");
        assertThat(boundary.summary()).startsWith(geoJson.contains("Multi") ? "10 点" : "5 点");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                                                               | 网格边界不是有效的 JSON
            []                                                                     | 网格边界应为 GeoJSON 的 Polygon 或 MultiPolygon
            {"type":"Point","coordinates":[109.5,35.1]}                            | 网格边界应为 GeoJSON 的 Polygon 或 MultiPolygon（实际为 Point）
            {"type":"Polygon","coordinates":[]}                                    | 多边形至少包含一个环
            {"type":"Polygon","coordinates":[[[109.5,35.1],[109.6,35.1],[109.5,35.1]]]} | 至少有 4 个坐标点
            {"type":"Polygon","coordinates":[[[109.5,35.1],[109.6,35.1],[109.6,35.2],[109.5,35.2]]]} | 网格边界的环未闭合
            {"type":"Polygon","coordinates":[[[189.5,35.1],[109.6,35.1],[109.6,35.2],[189.5,35.1]]]} | 网格边界的坐标超出范围
            {"type":"Polygon","coordinates":[[[109.5,"35.1"],[109.6,35.1],[109.6,35.2],[109.5,"35.1"]]]} | 坐标点应为 [经度, 纬度]
            {"type":"MultiPolygon","coordinates":[]}                               | MultiPolygon 至少包含一个多边形
            """)
    void refusesWhatIsNotAClosedPolygonInRange(String geoJson, String message) {
        assertThatThrownBy(() -> new GridBoundary(geoJson)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesMoreThanTenThousandPositions() {
        StringBuilder ring = new StringBuilder("[[109.5,35.1]");
        for (int i = 0; i < GridBoundary.MAX_POSITIONS; i++) {
            ring.append(",[109.6,35.").append(i % 9 + 1).append(']');
        }
        ring.append(",[109.5,35.1]]");
        assertThatThrownBy(() -> new GridBoundary("{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}"))
                .hasMessageContaining("网格边界过大");
    }
}
