package cn.wushe.care.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Times as care's pages show them, in China's time zone (templates: {@code ${@careFormat.time(x)}}). */
@Component("careFormat")
public class CareFormat {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CHINA);

    public String time(@Nullable Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    public String day(@Nullable Instant at) {
        return at == null ? "—" : DAY.format(at);
    }
}
