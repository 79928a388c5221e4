package cn.wushe.volunteering.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.volunteering.HoursConfirmed;
import cn.wushe.volunteering.internal.Activities;
import cn.wushe.volunteering.internal.CheckIns;
import cn.wushe.volunteering.internal.Enrolments;
import cn.wushe.volunteering.internal.HoursLedger;
import cn.wushe.volunteering.internal.Occurrences;
import cn.wushe.volunteering.internal.OutcomeCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Activities (志愿活动): organizers create them, check phoneless people in and confirm the hours;
 * volunteers list the open ones, enrol, cancel before the cut-off and check in by the signed code.
 */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityApi {

    static final int MAX_PAGE_SIZE = 100;

    private final Activities activities;
    private final CheckIns checkIns;
    private final HoursLedger ledger;
    private final Idempotency idempotency;
    private final OutcomeCatalogue catalogue;
    private final Enrolments enrolments;
    private final Occurrences occurrences;

    ActivityApi(Activities activities, CheckIns checkIns, HoursLedger ledger, Idempotency idempotency, OutcomeCatalogue catalogue,
            Enrolments enrolments, Occurrences occurrences) {
        this.occurrences = occurrences;
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.activities = activities;
        this.checkIns = checkIns;
        this.ledger = ledger;
        this.idempotency = idempotency;
    }

    record ActivityPage(List<Activities.ActivityView> items, int page, int size, long total) {

        static ActivityPage of(Page<Activities.ActivityView> page) {
            return new ActivityPage(page.items(), page.page(), page.size(), page.count());
        }
    }

    record Created(UUID id, String checkInLink) {
    }

    record EnrolmentResponse(String status) {
    }

    record CheckInRequest(@Nullable String signature, @Nullable Double lat, @Nullable Double lng, @Nullable Double accuracy) {
    }

    record OrganizerCheckIn(@Nullable UUID volunteerId, @Nullable String reason) {
    }

    record ConfirmationRequest(@Nullable Map<UUID, Instant> typedEnds, @Nullable Map<String, BigDecimal> outcomes,
            @Nullable Integer peopleServed) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "我组织的活动（进行中和将开始的在前）")
    ActivityPage managed(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        return ActivityPage.of(activities.managed(CurrentActor.get(), page, size));
    }

    record Summary(List<HoursLedger.RegionTotal> hoursByCommunity, List<OutcomeCatalogue.OutcomeTotal> outcomes,
            List<HoursLedger.VenueMonth> peopleServed) {
    }

    record MoveRequest(@Nullable Instant startsAt) {
    }

    record CancellationRequest(@Nullable String reason) {
    }

    record Told(int notified) {
    }

    @PostMapping("/{id}/occurrence/move")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "排期生成的一场改期（时长和取消截止提前量不变）；通知报名和候补的志愿者")
    Told moveOccurrence(@PathVariable UUID id, @RequestBody MoveRequest request) {
        return new Told(occurrences.move(CurrentActor.get(), id, request.startsAt()));
    }

    @PostMapping("/{id}/occurrence/cancellation")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "取消排期生成的一场（须写原因）；通知报名和候补的志愿者，其他场次不变")
    Told cancelOccurrence(@PathVariable UUID id, @RequestBody CancellationRequest request) {
        return new Told(occurrences.cancel(CurrentActor.get(), id, request.reason()));
    }

    record OutcomeKindRequest(@Nullable String countyCode, @Nullable String name, @Nullable String unit) {
    }

    @GetMapping("/outcome-kinds")
    @PreAuthorize("hasAnyAuthority('ACTIVITY_MANAGE', 'VOLUNTEER_VIEW')")
    @Operation(summary = "本县的服务成效目录（已停用的在后）")
    List<OutcomeCatalogue.Kind> outcomeKinds() {
        return OutcomeCatalogue.countyOf(CurrentActor.get()).map(catalogue::kinds).orElse(List.of());
    }

    @PostMapping("/outcome-kinds")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "在县的服务成效目录中新增一项（名称和计量单位；须是全县的活动管理权限）")
    ResponseEntity<OutcomeCatalogue.Kind> addOutcomeKind(@RequestBody OutcomeKindRequest request) {
        var actor = CurrentActor.get();
        String county = request.countyCode() != null ? request.countyCode() : OutcomeCatalogue.countyOf(actor).orElse("");
        return ResponseEntity.status(HttpStatus.CREATED).body(catalogue.add(actor, county, request.name(), request.unit()));
    }

    @PostMapping("/outcome-kinds/{code}/retirement")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "停用服务成效目录中的一项（已填报的数量保留其名称）")
    ResponseEntity<Void> retireOutcomeKind(@PathVariable String code, @RequestBody OutcomeKindRequest request) {
        var actor = CurrentActor.get();
        String county = request.countyCode() != null ? request.countyCode() : OutcomeCatalogue.countyOf(actor).orElse("");
        catalogue.retire(actor, county, code);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/outcomes")
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    @Operation(summary = "服务成效年度汇总：各社区按目录项目合计（仅本人可见范围内）")
    OutcomeCatalogue.YearReport outcomeYear(@RequestParam int year) {
        var actor = CurrentActor.get();
        if (year < 2000 || year > 2100) {
            throw DomainException.invalid("year", Messages.text("volunteering.outcome-kind.year-invalid"));
        }
        return catalogue.year(actor, OutcomeCatalogue.countyOf(actor).orElse(""), year);
    }

    @GetMapping("/summary")
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    @Operation(summary = "统计：各社区已确认时长和人数、服务成效合计、经常性服务各场所每月服务人次")
    Summary summary(@RequestParam Instant from, @RequestParam Instant to) {
        if (!to.isAfter(from)) {
            throw DomainException.invalid("to", Messages.text("volunteering.activity.window-invalid"));
        }
        var actor = CurrentActor.get();
        return new Summary(ledger.totalsByRegion(actor, from, to, 12), catalogue.totals(actor, from, to),
                ledger.peopleServed(actor, from, to));
    }

    @GetMapping("/open")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "可报名的活动（本县、未结束、公开或本队）")
    ActivityPage open(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        return ActivityPage.of(activities.openTo(CurrentActor.get(), page, size));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "发布活动（时段、地点和签到半径、名额、取消截止时间）")
    ResponseEntity<Created> create(@RequestBody Activities.NewActivity request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.once(key, "POST /api/v1/activities", request, Created.class, () -> {
            UUID id = activities.create(CurrentActor.get(), request);
            return ResponseEntity.created(URI.create("/api/v1/activities/" + id))
                    .body(new Created(id, "/volunteering/check-in/" + id + "?s=" + checkIns.signature(id)));
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('ACTIVITY_MANAGE', 'VOLUNTEER_VIEW', 'VOLUNTEER_SELF')")
    @Operation(summary = "查看活动")
    Activities.ActivityView activity(@PathVariable UUID id) {
        return activities.detail(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/enrolment")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "报名（名额满时进入候补）")
    EnrolmentResponse enrol(@PathVariable UUID id) {
        return new EnrolmentResponse(enrolments.enrol(CurrentActor.get(), id).name());
    }

    @DeleteMapping("/{id}/enrolment")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "取消报名（截止时间前；候补第一位递补）")
    ResponseEntity<Void> cancel(@PathVariable UUID id) {
        enrolments.cancel(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/check-in")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "扫码签到或签退（签名、时段和距离都满足才接受；重复扫码不重复记录）")
    CheckIns.Result checkIn(@PathVariable UUID id, @RequestBody CheckInRequest request) {
        return checkIns.scan(CurrentActor.get(), id, request.signature(),
                new CheckIns.Position(request.lat(), request.lng(), request.accuracy()));
    }

    @GetMapping("/{id}/attendances")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "签到名单（组织方）")
    List<CheckIns.AttendanceView> attendances(@PathVariable UUID id) {
        return checkIns.attendances(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/attendances")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "组织方为没有手机的志愿者代签到（须填写理由，记入审计日志）")
    ResponseEntity<Void> checkInFor(@PathVariable UUID id, @RequestBody OrganizerCheckIn request) {
        if (request.volunteerId() == null) {
            throw DomainException.invalid("volunteerId", Messages.text("volunteering.volunteer.not-found"));
        }
        checkIns.checkInFor(CurrentActor.get(), id, request.volunteerId(), request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/confirmation")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "组织方一次确认整张名单的服务时长和服务成效")
    HoursConfirmed confirm(@PathVariable UUID id, @RequestBody ConfirmationRequest request) {
        return ledger.confirm(CurrentActor.get(), id, new HoursLedger.Confirmation(
                request.typedEnds() == null ? Map.of() : request.typedEnds(),
                request.outcomes() == null ? Map.of() : request.outcomes(), request.peopleServed()));
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("platform.page.size-range", MAX_PAGE_SIZE));
        }
    }
}
