package cn.wushe.calendar.internal;

import cn.wushe.platform.ClockConfiguration;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start and daily, stores each national year from {@code wushe.calendar.seed-from} to next
 * year that the holiday library knows and the database lacks; this year or next year unknown to the
 * library is estimated from the statutory holidays ({@link StatutoryHolidays}). Idempotent; a year
 * seeded or entered by an admin is left as it is, an estimate gives way to the library's year. Runs before every demo loader ({@code @Order(20)} and up):
 * their deadlines count working days.
 */
@Component
@Order(15)
class CalendarSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeed.class);

    private final CalendarManagement management;
    private final Clock clock;
    private final int seedFrom;
    private final boolean estimate;

    CalendarSeed(CalendarManagement management, Clock clock, @Value("${wushe.calendar.seed-from:2024}") int seedFrom,
            @Value("${wushe.calendar.estimate-unknown-years:true}") boolean estimate) {
        this.management = management;
        this.clock = clock;
        this.seedFrom = seedFrom;
        this.estimate = estimate;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedKnownYears();
    }

    /** Again every day, so a server running past New Year's Day has the year after estimated too. */
    @Bean
    RecurringTask<Void> calendarSeedTask() {
        return Tasks.recurring("calendar-seed", FixedDelay.of(Duration.ofDays(1))).execute((instance, context) -> seedKnownYears());
    }

    void seedKnownYears() {
        int thisYear = LocalDate.now(clock.withZone(ClockConfiguration.ZONE)).getYear();
        for (int year = seedFrom; year <= thisYear + 1; year++) {
            int y = year;
            StateCouncilHolidays.of(year).ifPresentOrElse(days -> {
                if (management.seed(y, days.holidays(), days.makeUpDays())) {
                    log.info("Working calendar {} seeded from the holiday library", y);
                }
            }, () -> {
                if (estimate && y >= thisYear && management.estimate(y)) {
                    log.warn("Working calendar {} is not in the holiday library: estimated from the statutory holidays"
                            + " until an admin enters the State Council's notice", y);
                }
            });
        }
    }
}
