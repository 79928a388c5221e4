package cn.wushe.volunteering.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Minutes shown as hours with one decimal (志愿服务时长 12.5 小时). */
public final class HoursFormat {

    private HoursFormat() {
    }

    public static String hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN).toPlainString();
    }
}
