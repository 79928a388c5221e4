package cn.wushe.care.web;

import cn.wushe.care.internal.Alert;
import cn.wushe.care.internal.Alerts;
import cn.wushe.care.internal.Aspect;
import cn.wushe.care.internal.Assist;
import cn.wushe.care.internal.AssistKind;
import cn.wushe.care.internal.Assists;
import cn.wushe.care.internal.CarePeople;
import cn.wushe.care.internal.Finding;
import cn.wushe.care.internal.Pairing;
import cn.wushe.care.internal.Pairings;
import cn.wushe.care.internal.ResourceKind;
import cn.wushe.care.internal.RiskFactor;
import cn.wushe.care.internal.Subject;
import cn.wushe.care.internal.Subjects;
import cn.wushe.care.internal.Tier;
import cn.wushe.care.internal.TierAssessment;
import cn.wushe.care.internal.TierChange;
import cn.wushe.care.internal.Visit;
import cn.wushe.care.internal.VisitDraft;
import cn.wushe.care.internal.Visiting;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Care (关爱走访) over REST: the due list, a person under care, visits (with {@code Idempotency-Key}:
 * an offline phone resends its visit under the visit's client UUID and gets the first answer),
 * tiers and their approval, pairings, 四协助 items and alerts (changes with {@code If-Match}).
 */
@RestController
@RequestMapping("/api/v1/care")
class CareApi {

    static final int MAX_PAGE_SIZE = 100;

    private final CarePeople people;
    private final Subjects subjects;
    private final Visiting visiting;
    private final TierAssessment tiers;
    private final Pairings pairings;
    private final Assists assists;
    private final Alerts alerts;
    private final Idempotency idempotency;
    private final cn.wushe.care.internal.CareDashboard dashboard;
    private final cn.wushe.care.internal.CareSettingsManagement settings;
    private final Clock clock;

    CareApi(CarePeople people, Subjects subjects, Visiting visiting, TierAssessment tiers, Pairings pairings, Assists assists,
            Alerts alerts, Idempotency idempotency, cn.wushe.care.internal.CareDashboard dashboard,
            cn.wushe.care.internal.CareSettingsManagement settings, Clock clock) {
        this.dashboard = dashboard;
        this.settings = settings;
        this.people = people;
        this.subjects = subjects;
        this.visiting = visiting;
        this.tiers = tiers;
        this.pairings = pairings;
        this.assists = assists;
        this.alerts = alerts;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record SubjectResponse(UUID personId, String maskedName, String ageBand, String regionCode, List<String> categories,
            @Nullable Tier tier, @Nullable Instant tierSince, @Nullable Instant lastVisitAt, @Nullable Instant nextDueAt,
            boolean overdue, boolean active) {

        static SubjectResponse of(Subject s, Instant now) {
            return new SubjectResponse(s.personId(), s.maskedName(), s.ageBand(), s.regionCode(), s.categories(), s.tier(),
                    s.tierSince(), s.lastVisitAt(), s.nextDueAt(), s.overdue(now), s.active());
        }
    }

    record DuePage(List<SubjectResponse> items, int page, int size, long total) {
    }

    record AssistRequest(AssistKind kind, @Nullable String description, @Nullable ResourceKind resourceKind,
            @Nullable UUID providerUnit, @Nullable String providerText, @Nullable BigDecimal valueYuan) {
    }

    /** A missing aspect counts as 正常; {@code visitedAt} is the phone's time (at most 7 days old). */
    record VisitRequest(@Nullable Instant visitedAt, @Nullable Finding health, @Nullable Finding finances,
            @Nullable Finding support, @Nullable Finding home, @Nullable Finding needs, @Nullable String notes,
            @Nullable BigDecimal lat, @Nullable BigDecimal lng, @Nullable List<AssistRequest> assists,
            @Nullable List<UUID> companions) {

        VisitDraft draft() {
            Map<Aspect, Finding> findings = new EnumMap<>(Aspect.class);
            put(findings, Aspect.HEALTH, health);
            put(findings, Aspect.FINANCES, finances);
            put(findings, Aspect.SUPPORT, support);
            put(findings, Aspect.HOME, home);
            put(findings, Aspect.NEEDS, needs);
            List<VisitDraft.AssistDraft> items = assists == null ? List.of() : assists.stream()
                    .map(a -> new VisitDraft.AssistDraft(a.kind(), a.description(), a.resourceKind(), a.providerUnit(),
                            a.providerText(), a.valueYuan())).toList();
            return new VisitDraft(visitedAt, findings, notes, lat, lng, items, companions == null ? List.of() : companions);
        }

        private static void put(Map<Aspect, Finding> findings, Aspect aspect, @Nullable Finding finding) {
            if (finding != null) {
                findings.put(aspect, finding);
            }
        }
    }

    record VisitResponse(UUID id, UUID personId, Instant visitedAt, Instant receivedAt, List<UUID> visitors,
            Map<Aspect, Finding> findings, @Nullable String notes, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
            boolean nothingFound) {

        static VisitResponse of(Visit v) {
            return new VisitResponse(v.id(), v.personId(), v.visitedAt(), v.receivedAt(), v.visitors(), v.findings(), v.notes(),
                    v.lat(), v.lng(), v.nothingFound());
        }
    }

    record PersonResponse(SubjectResponse subject, List<TierChange> tierHistory, @Nullable Pairing pairing,
            List<VisitResponse> visits, List<Assist> assists, List<Alert> alerts) {
    }

    record TierRequest(@Nullable List<RiskFactor> factors, @Nullable Tier tier, @Nullable String reason) {
    }

    record DecisionRequest(boolean approve, @Nullable String note) {
    }

    record PairingRequest(@Nullable UUID socialWorker, @Nullable List<UUID> volunteers, @Nullable String consentBy,
            @Nullable LocalDate consentOn, Pairing.@Nullable ConsentHow consentHow, @Nullable String reason) {
    }

    record CloseAssistRequest(@Nullable String outcome) {
    }

    record AlertRequest(@Nullable UUID personId, @Nullable String subjectText, @Nullable String regionCode,
            Alert.@Nullable Severity severity, @Nullable String summary) {
    }

    record CloseAlertRequest(Alert.@Nullable Disposition disposition, @Nullable String reason) {
    }

    record AlertPage(List<Alert> items, int page, int size, long total) {
    }

    @GetMapping("/due")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    @Operation(summary = "待走访名单：今日、本周、逾期、全部或未评估（按下次走访时间）")
    DuePage due(@RequestParam(defaultValue = "TODAY") Subjects.Due which, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        Instant now = clock.instant();
        Page<Subject> result = subjects.due(CurrentActor.get(), which, null, now, CarePages.endOfToday(now), page, size);
        return new DuePage(result.items().stream().map(s -> SubjectResponse.of(s, now)).toList(), result.page(),
                result.size(), result.count());
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAuthority('CARE_VIEW')")
    @Operation(summary = "关爱台账：各等级人数、按期走访率、近 30 天走访、预警按时长、隐患整改、链接资源金额（元）、政策申办")
    cn.wushe.care.internal.CareDashboard.Figures dashboard() {
        return dashboard.figures(CurrentActor.get(), clock.instant());
    }

    /** Days per tier's cycle, working days an alert stays at one level, hours to a crisis's first contact. */
    record SettingsRequest(int redDays, int yellowDays, int blueDays, int greenDays, int alertWorkingDays, int crisisHours) {
    }

    @GetMapping("/settings/{countyCode}")
    @PreAuthorize("hasAuthority('CARE_SETTINGS')")
    @Operation(summary = "查看县（区）的走访周期、预警时限与危机首次联系时限（未设置时为默认值）")
    ResponseEntity<cn.wushe.care.internal.CareSettings> settings(@PathVariable String countyCode) {
        var current = settings.read(CurrentActor.get(), countyCode);
        return ResponseEntity.ok().eTag(Versions.etag(current.version())).body(current);
    }

    @org.springframework.web.bind.annotation.PutMapping("/settings/{countyCode}")
    @PreAuthorize("hasAuthority('CARE_SETTINGS')")
    @Operation(summary = "修改县（区）的走访周期等设置（须带 If-Match；红 ≤ 黄 ≤ 蓝 ≤ 绿）")
    ResponseEntity<cn.wushe.care.internal.CareSettings> changeSettings(@PathVariable String countyCode,
            @RequestBody SettingsRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        long version = Versions.required(ifMatch);
        var changed = settings.change(CurrentActor.get(), new cn.wushe.care.internal.CareSettings(countyCode, request.redDays(),
                request.yellowDays(), request.blueDays(), request.greenDays(), request.alertWorkingDays(),
                request.crisisHours(), version), version);
        return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(changed);
    }

    @GetMapping("/people/{personId}")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    @Operation(summary = "查看关爱对象：等级及历史、结对、近期走访、四协助事项、预警")
    PersonResponse person(@PathVariable UUID personId) {
        Subject s = people.forActor(CurrentActor.get(), personId);
        return new PersonResponse(SubjectResponse.of(s, clock.instant()), tiers.history(personId),
                pairings.active(personId).orElse(null),
                visiting.ofPerson(personId, 20).stream().map(VisitResponse::of).toList(), assists.ofPerson(personId),
                alerts.ofPerson(personId));
    }

    @PostMapping("/people/{personId}/visits")
    @PreAuthorize("hasAuthority('CARE_VISIT')")
    @Operation(summary = "记录一次走访（五了解、四协助）；离线补传时以走访的客户端 UUID 作 Idempotency-Key，重发返回第一次的结果")
    ResponseEntity<VisitResponse> visit(@PathVariable UUID personId, @RequestBody VisitRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/care/people/{personId}/visits", List.of(personId, request),
                VisitResponse.class, () -> {
                    Actor actor = CurrentActor.get();
                    people.forActor(actor, personId);
                    Visit visit = visiting.record(actor, personId, request.draft());
                    return ResponseEntity.created(URI.create("/api/v1/care/people/" + personId))
                            .body(VisitResponse.of(visit));
                });
    }

    @PostMapping("/people/{personId}/tier")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    @Operation(summary = "风险评估定级：按评估因素给出建议等级，另选等级须说明理由；涉及红色须审批")
    TierChange assess(@PathVariable UUID personId, @RequestBody TierRequest request) {
        Actor actor = CurrentActor.get();
        people.forActor(actor, personId);
        return tiers.assess(actor, personId, request.factors() == null ? List.of() : request.factors(), request.tier(),
                request.reason());
    }

    @PostMapping("/tier-changes/{id}/decision")
    @PreAuthorize("hasAuthority('CARE_TIER_APPROVE')")
    @Operation(summary = "审批涉及红色的等级变更（驳回须说明理由）")
    TierChange decide(@PathVariable UUID id, @RequestBody DecisionRequest request) {
        return tiers.decide(CurrentActor.get(), id, request.approve(), request.note());
    }

    @PostMapping("/people/{personId}/pairing")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    @Operation(summary = "结对探访（1+N+1）：须家属同意（谁、何时、何种方式）；更换结对须说明理由")
    Pairing pair(@PathVariable UUID personId, @RequestBody PairingRequest request) {
        Actor actor = CurrentActor.get();
        people.forActor(actor, personId);
        return pairings.pair(actor, personId, new Pairings.PairingDraft(request.socialWorker(),
                request.volunteers() == null ? List.of() : request.volunteers(), request.consentBy(), request.consentOn(),
                request.consentHow(), request.reason()));
    }

    @PostMapping("/assists/{id}/close")
    @PreAuthorize("hasAuthority('CARE_VISIT')")
    @Operation(summary = "办结一项四协助事项（须带 If-Match 与办理结果）")
    ResponseEntity<Assist> closeAssist(@PathVariable UUID id, @RequestBody CloseAssistRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Assist assist = assists.close(CurrentActor.get(), id, request.outcome(), Versions.required(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(assist.version())).body(assist);
    }

    @GetMapping("/alerts")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    @Operation(summary = "预警列表（本人负责的与管辖范围内的），未处置的在前、按期限排序")
    AlertPage alertList(@RequestParam(defaultValue = "true") boolean open, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        Page<Alert> result = alerts.list(CurrentActor.get(), open, page, size);
        return new AlertPage(result.items(), result.page(), result.size(), result.count());
    }

    @GetMapping("/alerts/{id}")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    @Operation(summary = "查看一条预警")
    ResponseEntity<Alert> alert(@PathVariable UUID id) {
        Alert alert = alerts.visible(CurrentActor.get(), id)
                .orElseThrow(() -> DomainException.notFound(Messages.text("care.subject.alert")));
        return ResponseEntity.ok().eTag(Versions.etag(alert.version())).body(alert);
    }

    @PostMapping("/alerts")
    @PreAuthorize("hasAuthority('CARE_VISIT')")
    @Operation(summary = "摸排发现，提交预警（可为未建档的人员，写明称呼与所在社区或网格）")
    ResponseEntity<Alert> raise(@RequestBody AlertRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/care/alerts", request, Alert.class, () -> {
            Alert alert = alerts.raiseFromLegwork(CurrentActor.get(), request.personId(), request.subjectText(),
                    request.regionCode(), request.severity() == null ? Alert.Severity.MEDIUM : request.severity(),
                    request.summary());
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/care/alerts/" + alert.id()))
                    .eTag(Versions.etag(alert.version())).body(alert);
        });
    }

    @PostMapping("/alerts/{id}/visited")
    @PreAuthorize("hasAnyAuthority('CARE_VISIT', 'CARE_MANAGE')")
    @Operation(summary = "预警已上门走访（须带 If-Match）")
    ResponseEntity<Alert> visited(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Alert alert = alerts.markVisited(CurrentActor.get(), id, Versions.required(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(alert.version())).body(alert);
    }

    @PostMapping("/alerts/{id}/close")
    @PreAuthorize("hasAnyAuthority('CARE_VISIT', 'CARE_MANAGE')")
    @Operation(summary = "处置并关闭预警：处置结果与理由必填（须带 If-Match）")
    ResponseEntity<Alert> closeAlert(@PathVariable UUID id, @RequestBody CloseAlertRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Alert alert = alerts.close(CurrentActor.get(), id, request.disposition(), request.reason(), Versions.required(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(alert.version())).body(alert);
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw DomainException.invalid("page", Messages.text("care.page-invalid"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("platform.page.size-range", MAX_PAGE_SIZE));
        }
    }
}
