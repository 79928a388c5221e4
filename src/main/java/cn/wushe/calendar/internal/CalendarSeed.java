package cn.wushe.calendar.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, stores each national year from {@code wushe.calendar.seed-from} to next year that
 * the holiday library knows and the database lacks. Idempotent; a year already stored, seeded or
 * entered by an admin, is left as it is. Runs before every demo loader ({@code @Order(20)} and up):
 * their deadlines count working days.
 */
@Component
@Order(15)
class CalendarSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeed.class);

    private final CalendarManagement management;
    private final Clock clock;
    private final int seedFrom;

    CalendarSeed(CalendarManagement management, Clock clock, @Value("${wushe.calendar.seed-from:2024}") int seedFrom) {
        this.management = management;
        this.clock = clock;
        this.seedFrom = seedFrom;
    }

    @Override
    public void run(ApplicationArguments args) {
        int nextYear = LocalDate.now(clock).getYear() + 1;
        for (int year = seedFrom; year <= nextYear; year++) {
            int y = year;
            StateCouncilHolidays.of(year).ifPresent(days -> {
                if (management.seed(y, days.holidays(), days.makeUpDays())) {
                    log.info("Working calendar {} seeded from the holiday library", y);
                }
            });
        }
    }
}
