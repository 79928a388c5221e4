package cn.wushe.volunteering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The geofence edge with reported accuracy, and the star boundaries. */
class GeofenceAndStarsUnitTest {

    @ParameterizedTest(name = "{0} m away, accuracy {1} m, radius {2} m → {3}")
    @CsvSource({
            "200, 0, 200, true", // on the edge
            "200.5, 0, 200, false",
            "250, 50, 200, true", // the reported accuracy is given
            "250.1, 50, 200, false",
            "300, 100, 200, true", // up to the cap
            "301, 5000, 200, false", // a claimed 5 km inaccuracy counts only 100 m
            "150, -20, 200, true", // a negative accuracy is none
            "201, -20, 200, false"})
    void distanceMinusCappedAccuracyMustLieInsideTheRadius(double distance, double accuracy, int radius, boolean accepted) {
        assertThat(Geofence.accepts(distance, accuracy, radius)).isEqualTo(accepted);
    }

    @Test
    void distanceIsTheGreatCircle() {
        // 0.001° of latitude is about 111 m anywhere
        assertThat(Geofence.distance(35.1778, 109.5931, 35.1788, 109.5931)).isCloseTo(111.2, within(0.5));
        assertThat(Geofence.distance(35.1778, 109.5931, 35.1778, 109.5931)).isZero();
    }

    @ParameterizedTest(name = "{0} min → {1} stars")
    @CsvSource({"0, 0", "5999, 0", "6000, 1", "17999, 1", "18000, 2", "36000, 3", "59999, 3", "60000, 4", "89999, 4",
            "90000, 5", "900000, 5"})
    void starsAtTheDefaultThresholds(long minutes, int level) {
        assertThat(StarLevels.defaults().levelOf(minutes)).isEqualTo(level);
    }
}
