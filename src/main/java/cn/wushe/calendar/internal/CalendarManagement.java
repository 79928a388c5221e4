package cn.wushe.calendar.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system admin's changes to the calendar: a year entered or corrected whole (national, or a
 * county's own), and a county's office hours. Each change is checked in full before anything is
 * written, guarded by the version the admin read, and audited in the same transaction.
 *
 * <p>The national calendar is the same for every county, so any holder of CALENDAR_MANAGE may enter
 * it; a county's own year and office hours only inside the admin's scope (else 404).
 */
@Service
public class CalendarManagement {

    private static final Pattern COUNTY = Pattern.compile("\\d{6}");

    private final CalendarYears years;
    private final CountyOfficeHours officeHours;
    private final AuditLog audit;
    private final Clock clock;

    CalendarManagement(CalendarYears years, CountyOfficeHours officeHours, AuditLog audit, Clock clock) {
        this.years = years;
        this.officeHours = officeHours;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Enters a year, or replaces it whole.
     *
     * @param expectedVersion the version read (If-Match); required when the year exists, ignored when not
     */
    @Transactional
    public CalendarYear enterYear(Actor actor, int year, @Nullable String countyCode, List<Holiday> holidays,
            List<LocalDate> makeUpDays, @Nullable Long expectedVersion) {
        String county = manageable(actor, countyCode);
        YearRules.check(YearRules.year(year), holidays, makeUpDays);
        Optional<CalendarYear> existing = years.find(county, year);
        CalendarYear saved;
        if (existing.isEmpty()) {
            saved = CalendarYear.entered(county, year, holidays, makeUpDays, actor.displayName(), clock.instant());
            try {
                years.insert(saved);
            } catch (DuplicateKeyException e) {
                throw mismatch();
            }
        } else {
            if (expectedVersion == null) {
                throw new DomainException(ProblemType.IF_MATCH_REQUIRED, Messages.text("platform.version.if-match-required"));
            }
            saved = existing.get().replacedBy(holidays, makeUpDays, actor.displayName(), clock.instant());
            if (existing.get().version() != expectedVersion || !years.replace(saved, expectedVersion)) {
                throw mismatch();
            }
        }
        audit.record(AuditEvent.success("CALENDAR_YEAR_SAVE", "CALENDAR_YEAR", objectId(county, year), county)
                .withDetail(existing.map(CalendarYear::auditText).map(before -> Messages.text("calendar.audit.change",
                        before, saved.auditText())).orElse(saved.auditText())));
        return saved;
    }

    /**
     * @param expectedVersion the version read; 0 while the county keeps the default hours
     */
    @Transactional
    public CountyOfficeHours.Entry setOfficeHours(Actor actor, String countyCode, String hoursText, long expectedVersion) {
        String county = java.util.Objects.requireNonNull(manageable(actor, countyCode));
        OfficeHours hours;
        try {
            hours = OfficeHours.parse(hoursText);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("hours", String.valueOf(e.getMessage()));
        }
        CountyOfficeHours.Entry before = officeHours.entry(county);
        if (!officeHours.save(county, hours, expectedVersion, actor.displayName(), clock.instant())) {
            throw mismatch();
        }
        audit.record(AuditEvent.success("OFFICE_HOURS_SAVE", "OFFICE_HOURS", county, county)
                .withDetail(Messages.text("calendar.audit.change", before.hours().text(), hours.text())));
        return officeHours.entry(county);
    }

    /**
     * Seeds a national year from the holiday library unless one is stored, or replaces the law-only
     * estimate of it; an admin's year is never overwritten. @return whether seeded
     */
    @Transactional
    public boolean seed(int year, List<Holiday> holidays, List<LocalDate> makeUpDays) {
        // two nodes starting together seed a year once
        years.lockSeed();
        Optional<CalendarYear> stored = years.find(null, year);
        if (stored.isPresent() && stored.get().source().official()) {
            return false;
        }
        String by = Messages.text("calendar.seed.by");
        CalendarYear seeded = CalendarYear.seeded(year, holidays, makeUpDays, by, clock.instant());
        if (stored.isPresent()) {
            years.replace(new CalendarYear(null, year, holidays, makeUpDays, CalendarYear.Source.SEEDED,
                    stored.get().version() + 1, by, clock.instant()), stored.get().version());
        } else {
            years.insert(seeded);
        }
        audit.record(AuditEvent.success("CALENDAR_YEAR_SEED", "CALENDAR_YEAR", objectId(null, year), null)
                .withDetail(seeded.auditText()).byActor(by));
        return true;
    }

    /**
     * Stores the law's fixed holidays as a national year that has no calendar at all, so deadlines
     * reaching it are counted (over the right Spring Festival) instead of refused. @return whether stored
     */
    @Transactional
    public boolean estimate(int year) {
        years.lockSeed();
        if (years.find(null, year).isPresent()) {
            return false;
        }
        String by = Messages.text("calendar.seed.by");
        CalendarYear estimated = CalendarYear.estimated(year, StatutoryHolidays.estimate(year), by, clock.instant());
        years.insert(estimated);
        audit.record(AuditEvent.success("CALENDAR_YEAR_ESTIMATE", "CALENDAR_YEAR", objectId(null, year), null)
                .withDetail(estimated.auditText()).byActor(by));
        return true;
    }

    /** The county whose calendar the actor may change, or null for the national one. */
    private static @Nullable String manageable(Actor actor, @Nullable String countyCode) {
        if (countyCode == null || countyCode.isBlank()) {
            if (!actor.can(Permission.CALENDAR_MANAGE)) {
                throw DomainException.forbidden(Messages.text("calendar.action.manage"));
            }
            return null;
        }
        String county = countyCode.strip();
        if (!COUNTY.matcher(county).matches()) {
            throw DomainException.invalid("county", Messages.text("calendar.county.invalid"));
        }
        if (!actor.can(Permission.CALENDAR_MANAGE, county)) {
            throw DomainException.notFound(Messages.text("calendar.county.what", county));
        }
        return county;
    }

    public static String objectId(@Nullable String countyCode, int year) {
        return countyCode == null ? String.valueOf(year) : countyCode + "/" + year;
    }

    private static DomainException mismatch() {
        return new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("platform.version.mismatch"));
    }
}
