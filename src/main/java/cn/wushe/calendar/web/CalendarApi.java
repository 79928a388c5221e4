package cn.wushe.calendar.web;

import cn.wushe.calendar.WorkingCalendar;
import cn.wushe.calendar.internal.CalendarManagement;
import cn.wushe.calendar.internal.CalendarYear;
import cn.wushe.calendar.internal.CalendarYears;
import cn.wushe.calendar.internal.CountyOfficeHours;
import cn.wushe.calendar.internal.Holiday;
import cn.wushe.calendar.internal.YearRules;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working calendar (工作日历): calendar years (read by anyone signed in, entered by
 * CALENDAR_MANAGE with If-Match), working-day arithmetic, and county office hours. Times are ISO 8601
 * with an offset ({@code 2025-09-30T09:00:00+08:00}); answers are in Asia/Shanghai. A computation
 * reaching a year with no calendar answers 409 /problems/calendar-year-missing.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

    private final CalendarYears years;
    private final CalendarManagement management;
    private final WorkingCalendar calendar;
    private final CountyOfficeHours officeHours;
    private final Clock clock;

    CalendarApi(CalendarYears years, CalendarManagement management, WorkingCalendar calendar,
            CountyOfficeHours officeHours, Clock clock) {
        this.clock = clock;
        this.years = years;
        this.management = management;
        this.calendar = calendar;
        this.officeHours = officeHours;
    }

    record HolidayBody(@Nullable String name, @Nullable LocalDate first, @Nullable LocalDate last) {
    }

    record YearRequest(@Nullable List<HolidayBody> holidays, @Nullable List<LocalDate> makeUpDays) {
    }

    record YearResponse(int year, @Nullable String countyCode, String source, long version, String changedBy,
            OffsetDateTime changedAt, List<HolidayBody> holidays, List<LocalDate> makeUpDays) {

        static YearResponse of(CalendarYear y) {
            return new YearResponse(y.year(), y.countyCode(), y.source().name(), y.version(), y.changedBy(),
                    shanghai(y.changedAt()),
                    y.holidays().stream().map(h -> new HolidayBody(h.name(), h.first(), h.last())).toList(), y.makeUpDays());
        }
    }

    record YearSummary(int year, @Nullable String countyCode, String source, long version, String changedBy,
            OffsetDateTime changedAt) {
    }

    record WorkingDays(OffsetDateTime from, OffsetDateTime to, @Nullable String county, int workingDays) {
    }

    record Deadline(OffsetDateTime from, @Nullable String county, OffsetDateTime due) {
    }

    record OpenNow(OffsetDateTime at, @Nullable String county, boolean open, String officeHours) {
    }

    record OfficeHoursRequest(@Nullable String hours) {
    }

    record OfficeHoursResponse(String countyCode, String hours, boolean isDefault, long version) {

        static OfficeHoursResponse of(CountyOfficeHours.Entry e) {
            return new OfficeHoursResponse(e.countyCode(), e.hours().text(), e.isDefault(), e.version());
        }
    }

    @GetMapping("/years")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "列出已有的工作日历年份（全国及本人管辖县的更正），注明是预置还是管理员录入")
    List<YearSummary> list() {
        List<String> counties = CurrentActor.get().scopesFor(Permission.CALENDAR_MANAGE).stream()
                .map(RegionScope::countyCode).filter(Objects::nonNull).distinct().toList();
        return years.list(counties).stream().map(s -> new YearSummary(s.year(), s.countyCode(), s.source().name(),
                s.version(), s.changedBy(), shanghai(s.changedAt()))).toList();
    }

    @GetMapping("/years/{year}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "读取某年的节假日和调休上班日（带 county 时为该县自己的更正）；ETag 为版本")
    ResponseEntity<YearResponse> year(@PathVariable int year, @RequestParam(required = false) @Nullable String county) {
        CalendarYear found = years.find(blankToNull(county), YearRules.year(year))
                .orElseThrow(() -> DomainException.notFound(Messages.text("calendar.year.what", year)));
        return withVersion(YearResponse.of(found));
    }

    @PutMapping("/years/{year}")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    @Operation(summary = "录入或整体替换某年的工作日历（已有时须带 If-Match）；有误时一项也不写入")
    ResponseEntity<YearResponse> enter(@PathVariable int year, @RequestParam(required = false) @Nullable String county,
            @RequestBody YearRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        List<Holiday> holidays = new ArrayList<>();
        List<HolidayBody> sent = request.holidays() == null ? List.of() : request.holidays();
        for (int i = 0; i < sent.size(); i++) {
            HolidayBody h = sent.get(i);
            if (h.first() == null) {
                throw DomainException.invalid("holidays", Messages.text("calendar.holiday.dates-required", i + 1));
            }
            holidays.add(new Holiday(h.name() == null ? "" : h.name(), h.first(), h.last() == null ? h.first() : h.last()));
        }
        List<LocalDate> makeUps = request.makeUpDays() == null ? List.of()
                : request.makeUpDays().stream().filter(Objects::nonNull).toList();
        return withVersion(YearResponse.of(management.enterYear(CurrentActor.get(), year, blankToNull(county), holidays,
                makeUps, Versions.optional(ifMatch))));
    }

    @GetMapping("/working-days")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "两个时刻之间的工作日数：from 当日之后到 to 当日（含）")
    WorkingDays workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) @Nullable String county) {
        return new WorkingDays(shanghai(from.toInstant()), shanghai(to.toInstant()), blankToNull(county),
                calendar.workingDaysBetween(from.toInstant(), to.toInstant(), blankToNull(county)));
    }

    @GetMapping("/add-working-days")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "期限：from 之后第 days 个工作日的同一时刻")
    Deadline addWorkingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam int days, @RequestParam(required = false) @Nullable String county) {
        return new Deadline(shanghai(from.toInstant()), blankToNull(county),
                shanghai(calendar.addWorkingDays(from.toInstant(), days, blankToNull(county))));
    }

    @GetMapping("/add-working-hours")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "期限：从 from 起累计 hours 小时办公时间（按该县办公时间，可为小数）后的时刻")
    Deadline addWorkingHours(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam BigDecimal hours, @RequestParam(required = false) @Nullable String county) {
        Duration duration = Duration.ofSeconds(hours.multiply(BigDecimal.valueOf(3600)).longValue());
        return new Deadline(shanghai(from.toInstant()), blankToNull(county),
                shanghai(calendar.addWorkingHours(from.toInstant(), duration, blankToNull(county))));
    }

    @GetMapping("/open")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "该县在 at 时刻（缺省为现在）是否在办公时间内")
    OpenNow open(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime at,
            @RequestParam(required = false) @Nullable String county) {
        Instant when = at == null ? clock.instant() : at.toInstant();
        return new OpenNow(shanghai(when), blankToNull(county), calendar.isOpen(when, blankToNull(county)),
                officeHours.of(blankToNull(county)).text());
    }

    @GetMapping("/office-hours/{county}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "读取某县的办公时间（未设置时为系统缺省）；ETag 为版本")
    ResponseEntity<OfficeHoursResponse> officeHours(@PathVariable String county) {
        return officeHoursWithVersion(officeHours.entry(county(county)));
    }

    @PutMapping("/office-hours/{county}")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    @Operation(summary = "设置某县的办公时间，如 08:30-12:00,14:30-18:00（须带 If-Match；尚为缺省时为 \"0\"）")
    ResponseEntity<OfficeHoursResponse> setOfficeHours(@PathVariable String county, @RequestBody OfficeHoursRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return officeHoursWithVersion(management.setOfficeHours(CurrentActor.get(), county,
                request.hours() == null ? "" : request.hours(), Versions.required(ifMatch)));
    }

    private static ResponseEntity<YearResponse> withVersion(YearResponse body) {
        return ResponseEntity.ok().eTag(Versions.etag(body.version())).body(body);
    }

    private static ResponseEntity<OfficeHoursResponse> officeHoursWithVersion(CountyOfficeHours.Entry entry) {
        return ResponseEntity.ok().eTag(Versions.etag(entry.version())).body(OfficeHoursResponse.of(entry));
    }

    private static String county(String raw) {
        if (!raw.matches("\\d{6}")) {
            throw DomainException.invalid("county", Messages.text("calendar.county.invalid"));
        }
        return raw;
    }

    private static @Nullable String blankToNull(@Nullable String county) {
        return county == null || county.isBlank() ? null : county(county.strip());
    }

    static OffsetDateTime shanghai(Instant instant) {
        return instant.atZone(ClockConfiguration.ZONE).toOffsetDateTime();
    }
}
