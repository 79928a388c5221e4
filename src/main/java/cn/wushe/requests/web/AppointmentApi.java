package cn.wushe.requests.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.requests.internal.DeskHours;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 错时服务 and appointments: a community's desk hours and free slots, booking and cancelling a place, attendance. */
@RestController
@RequestMapping("/api/v1/appointments")
class AppointmentApi {

    private final DeskHours deskHours;

    AppointmentApi(DeskHours deskHours) {
        this.deskHours = deskHours;
    }

    record BookRequest(@Nullable String communityCode, @Nullable String item, @Nullable String startsAt) {
    }

    record AttendanceRequest(@Nullable Boolean attended) {
    }

    @GetMapping("/slots")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "社区未来若干天可预约的时段（含晚间、周末错时服务）及剩余名额")
    List<DeskHours.Slot> slots(@RequestParam String community, @RequestParam(defaultValue = "14") int days) {
        return deskHours.slots(community(community), Math.max(1, Math.min(days, 31)));
    }

    @GetMapping("/hours")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "社区的服务时段（每周各天，含错时时段、容量、节假日是否开放）")
    List<DeskHours.Hours> hours(@RequestParam String community) {
        return deskHours.hours(community(community));
    }

    @PutMapping("/hours")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "设置社区的服务时段（整体替换；须在本社区办理范围内）")
    List<DeskHours.Hours> setHours(@RequestParam String community, @RequestBody List<DeskHours.Hours> hours) {
        deskHours.setHours(CurrentActor.get(), community(community), hours);
        return deskHours.hours(community);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "本人的预约")
    List<DeskHours.Appointment> mine() {
        return deskHours.mine(CurrentActor.get());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('MATTER_SUBMIT')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "预约一个时段（已满、已过或不在服务时段内时拒绝；前一天提醒）")
    DeskHours.Appointment book(@RequestBody BookRequest request) {
        Instant start;
        try {
            start = Instant.parse(request.startsAt() == null ? "" : request.startsAt());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("startsAt", Messages.text("requests.slot.outside-hours"));
        }
        return deskHours.book(CurrentActor.get(), community(request.communityCode()), request.item() == null ? "" : request.item(),
                start);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "取消本人的预约")
    void cancel(@PathVariable String id) {
        deskHours.cancel(CurrentActor.get(), parse(id));
    }

    @PostMapping("/{id}/attendance")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "记录预约是否到场（未到场记为爽约）")
    void attendance(@PathVariable String id, @RequestBody AttendanceRequest request) {
        deskHours.attendance(CurrentActor.get(), parse(id), Boolean.TRUE.equals(request.attended()));
    }

    static String community(@Nullable String code) {
        if (code == null || !code.matches("\\d{12}")) {
            throw DomainException.invalid("community", Messages.text("requests.intake.region-invalid"));
        }
        return code;
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound(Messages.text("requests.object.appointment"));
        }
    }
}
