package cn.wushe.calendar.internal;

import cn.wushe.calendar.WorkingCalendar;
import cn.wushe.calendar.internal.CalendarYear.ListedDay;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link WorkingCalendar} over the stored calendar years. Each transaction reads the years it reaches
 * once (a deadline of 30 working days reads one or two), so a year an admin has just corrected counts
 * at once on every node.
 */
@Service
// a missing year is a refusal the caller may handle: it must not doom the caller's transaction
@Transactional(readOnly = true, noRollbackFor = DomainException.class)
class StoredWorkingCalendar implements WorkingCalendar {

    /** The key of the years read in the current transaction. */
    private static final Object YEARS_READ = new Object();

    /** Ten years of days: a deadline further away is a mistake, not a deadline. */
    static final int MAX_DAYS = 3660;

    private final CalendarYears years;
    private final CountyOfficeHours officeHours;

    StoredWorkingCalendar(CalendarYears years, CountyOfficeHours officeHours) {
        this.years = years;
        this.officeHours = officeHours;
    }

    @Override
    public boolean isWorkingDay(LocalDate day, @Nullable String countyCode) {
        return new Days(countyCode).working(day);
    }

    @Override
    public int workingDaysBetween(Instant from, Instant to, @Nullable String countyCode) {
        LocalDate first = local(from).toLocalDate();
        LocalDate last = local(to).toLocalDate();
        if (last.isBefore(first)) {
            return -workingDaysBetween(to, from, countyCode);
        }
        if (first.until(last, java.time.temporal.ChronoUnit.DAYS) > MAX_DAYS) {
            throw tooFar();
        }
        Days days = new Days(countyCode);
        int count = 0;
        for (LocalDate d = first.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            count += days.working(d) ? 1 : 0;
        }
        return count;
    }

    @Override
    public Instant addWorkingDays(Instant start, int workingDays, @Nullable String countyCode) {
        if (workingDays < 0) {
            throw DomainException.invalid("days", Messages.text("calendar.arithmetic.negative"));
        }
        ZonedDateTime at = local(start);
        Days days = new Days(countyCode);
        LocalDate day = at.toLocalDate();
        for (int counted = 0, steps = 0; counted < workingDays; steps++) {
            if (steps > MAX_DAYS) {
                throw tooFar();
            }
            day = day.plusDays(1);
            counted += days.working(day) ? 1 : 0;
        }
        return at.with(day).toInstant();
    }

    @Override
    public Instant addWorkingHours(Instant start, Duration hours, @Nullable String countyCode) {
        if (hours.isNegative()) {
            throw DomainException.invalid("hours", Messages.text("calendar.arithmetic.negative"));
        }
        if (hours.isZero()) {
            return start;
        }
        OfficeHours office = officeHours.of(countyCode);
        Days days = new Days(countyCode);
        LocalDateTime now = local(start).toLocalDateTime();
        Duration left = hours;
        for (int steps = 0; steps <= MAX_DAYS; steps++) {
            LocalDate day = now.toLocalDate();
            if (days.working(day)) {
                for (OfficeHours.Period period : office.periods()) {
                    LocalDateTime end = day.atTime(period.end());
                    if (!now.isBefore(end)) {
                        continue;
                    }
                    LocalDateTime from = now.isAfter(day.atTime(period.start())) ? now : day.atTime(period.start());
                    Duration open = Duration.between(from, end);
                    if (left.compareTo(open) <= 0) {
                        return from.plus(left).atZone(ClockConfiguration.ZONE).toInstant();
                    }
                    left = left.minus(open);
                }
            }
            now = day.plusDays(1).atStartOfDay();
        }
        throw tooFar();
    }

    @Override
    public boolean isOpen(Instant at, @Nullable String countyCode) {
        ZonedDateTime local = local(at);
        return new Days(countyCode).working(local.toLocalDate())
                && officeHours.of(countyCode).isOpenAt(local.toLocalTime());
    }

    @Override
    public boolean hasYear(int year, @Nullable String countyCode) {
        return years.exists(countyCode, year);
    }

    private static ZonedDateTime local(Instant instant) {
        return instant.atZone(ClockConfiguration.ZONE);
    }

    private static DomainException tooFar() {
        return DomainException.invalid("days", Messages.text("calendar.arithmetic.too-far", MAX_DAYS));
    }

    /** The listed days of each year a computation reaches, read once per computation. */
    private final class Days {

        private final @Nullable String countyCode;
        private final Map<Integer, Map<LocalDate, ListedDay>> byYear = new HashMap<>();

        Days(@Nullable String countyCode) {
            this.countyCode = countyCode;
        }

        boolean working(LocalDate day) {
            ListedDay listed = byYear.computeIfAbsent(day.getYear(), this::load).get(day);
            return listed != null ? listed.kind() == DayKind.MAKE_UP_WORKDAY : !YearRules.weekend(day);
        }

        private Map<LocalDate, ListedDay> load(int year) {
            Map<String, Map<LocalDate, ListedDay>> shared = readInThisTransaction();
            String key = countyCode + ":" + year;
            Map<LocalDate, ListedDay> days = shared == null ? null : shared.get(key);
            if (days == null) {
                days = years.effective(countyCode, year).map(CalendarYear::listedDays)
                        .orElseThrow(() -> new DomainException(ProblemType.CALENDAR_YEAR_MISSING,
                                Messages.text("calendar.year.missing", year)));
                if (shared != null) {
                    shared.put(key, days);
                }
            }
            return days;
        }
    }

    /**
     * The years read so far in the caller's transaction, shared by its computations: an intake's three
     * limits (sign-for, level, overall) read each year once, not three times (a fifth of an intake's
     * CPU went to reading the calendar, docs/benchmarks.md). Forgotten when the transaction ends, so
     * a corrected year still counts at once in the next one; {@link #forgetYearsRead} when one is
     * written inside it.
     */
    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Map<LocalDate, ListedDay>> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(YEARS_READ);
        if (bound != null) {
            return (Map<String, Map<LocalDate, ListedDay>>) bound;
        }
        Map<String, Map<LocalDate, ListedDay>> read = new HashMap<>();
        TransactionSynchronizationManager.bindResource(YEARS_READ, read);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(YEARS_READ);
            }
        });
        return read;
    }

    /** A year was written in this transaction: computations after it read the calendar again. */
    static void forgetYearsRead() {
        if (TransactionSynchronizationManager.getResource(YEARS_READ) instanceof Map<?, ?> read) {
            read.clear();
        }
    }
}
