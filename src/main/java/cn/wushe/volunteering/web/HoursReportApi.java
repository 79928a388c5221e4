package cn.wushe.volunteering.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.volunteering.internal.HoursReports;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 补报时长: the volunteer reports service done without check-in; the activity's organizer decides. */
@RestController
class HoursReportApi {

    private final HoursReports reports;

    HoursReportApi(HoursReports reports) {
        this.reports = reports;
    }

    record ReportRequest(@Nullable UUID activityId, @Nullable LocalDate date, @Nullable LocalTime startsAt,
            @Nullable BigDecimal hours, @Nullable String description) {
    }

    record Created(UUID id) {
    }

    record DecisionRequest(boolean confirm, @Nullable String reason) {
    }

    record Decided(int minutesCounted) {
    }

    @PostMapping("/api/v1/volunteers/me/hours-reports")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "志愿者补报一次未签到的服务（日期、开始时间、小时数、做了什么），等待活动组织方确认")
    ResponseEntity<Created> report(@RequestBody ReportRequest r) {
        UUID id = reports.report(CurrentActor.get(),
                new HoursReports.NewReport(r.activityId(), r.date(), r.startsAt(), r.hours(), r.description()));
        return ResponseEntity.created(URI.create("/api/v1/volunteers/me/hours-reports")).body(new Created(id));
    }

    @GetMapping("/api/v1/volunteers/me/hours-reports")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "志愿者自己的补报记录及处理结果")
    List<HoursReports.Report> own() {
        return reports.own(CurrentActor.get());
    }

    @GetMapping("/api/v1/activities/{id}/hours-reports")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "组织方查看本活动的补报，待确认的在前")
    List<HoursReports.Report> ofActivity(@PathVariable UUID id) {
        return reports.ofActivity(CurrentActor.get(), id);
    }

    @PostMapping("/api/v1/volunteers/hours-reports/{id}/decision")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "组织方一步确认补报（计入时长台账、积分和星级）或填写理由不予确认")
    Decided decide(@PathVariable UUID id, @RequestBody DecisionRequest r) {
        return new Decided(reports.decide(CurrentActor.get(), id, r.confirm(), r.reason()));
    }
}
