package cn.wushe.volunteering.internal;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 星级志愿者: the level a total of confirmed hours reaches. Thresholds are configuration
 * ({@code wushe.volunteering.star-hours}, default 100/300/600/1000/1500 hours for 一星 to 五星).
 */
@Component
public class StarLevels {

    private final List<Integer> thresholdHours;

    StarLevels(@Value("${wushe.volunteering.star-hours:100,300,600,1000,1500}") List<Integer> thresholdHours) {
        this.thresholdHours = List.copyOf(thresholdHours);
        for (int i = 1; i < thresholdHours.size(); i++) {
            if (thresholdHours.get(i) <= thresholdHours.get(i - 1)) {
                throw new IllegalArgumentException("star thresholds must rise: " + thresholdHours);
            }
        }
    }

    public static StarLevels defaults() {
        return new StarLevels(List.of(100, 300, 600, 1000, 1500));
    }

    /** The level (0 = none, 1–5) of {@code minutes} of confirmed service: a threshold reached exactly counts. */
    public int levelOf(long minutes) {
        int level = 0;
        for (int threshold : thresholdHours) {
            if (minutes >= threshold * 60L) {
                level++;
            }
        }
        return level;
    }

    public List<Integer> thresholdHours() {
        return thresholdHours;
    }
}
