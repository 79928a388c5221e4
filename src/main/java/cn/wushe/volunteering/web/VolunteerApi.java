package cn.wushe.volunteering.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.volunteering.internal.Certificates;
import cn.wushe.volunteering.internal.HoursExport;
import cn.wushe.volunteering.internal.Deeds;
import cn.wushe.volunteering.internal.PointsAccounts;
import cn.wushe.volunteering.internal.HoursLedger;
import cn.wushe.volunteering.internal.Teams;
import cn.wushe.volunteering.internal.Points;
import cn.wushe.volunteering.internal.Volunteers;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volunteers (志愿者) for workers — masked lists, entry, revealing with a reason — and the signed-in
 * volunteer's own profile, hours, points and certificate; the points store's goods and redemptions.
 */
@RestController
@RequestMapping("/api/v1/volunteers")
class VolunteerApi {

    private final Volunteers volunteers;
    private final HoursLedger ledger;
    private final Points points;
    private final Certificates certificates;
    private final Idempotency idempotency;
    private final Teams teams;
    private final HoursExport export;
    private final Deeds deeds;
    private final PointsAccounts accounts;

    VolunteerApi(Volunteers volunteers, HoursLedger ledger, Points points, Certificates certificates, Idempotency idempotency,
            Teams teams, HoursExport export, Deeds deeds, PointsAccounts accounts) {
        this.deeds = deeds;
        this.accounts = accounts;
        this.teams = teams;
        this.export = export;
        this.volunteers = volunteers;
        this.ledger = ledger;
        this.points = points;
        this.certificates = certificates;
        this.idempotency = idempotency;
    }

    record VolunteerPage(List<Volunteers.VolunteerView> items, int page, int size, long total) {
    }

    record CreatedVolunteer(UUID id) {
    }

    record RevealRequest(@Nullable String reason) {
    }

    record Me(Volunteers.VolunteerView profile, int points, int pointsPerHour, String cardCode, List<HoursLedger.LedgerRow> ledger) {
    }

    record GoodsRequest(@Nullable String communityCode, @Nullable String name, @Nullable Integer pricePoints,
            @Nullable Integer stock, @Nullable String merchant) {
    }

    record RedemptionRequest(@Nullable String card, @Nullable UUID goodsId, @Nullable Integer quantity) {
    }

    record ReversalRequest(@Nullable String reason) {
    }

    record TeamRequest(@Nullable UUID unitId, @Nullable String name, @Nullable UUID leaderUserId) {
    }

    record ExportRequest(@Nullable Instant from, @Nullable Instant to, @Nullable String reason) {
    }

    @GetMapping("/teams")
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    @Operation(summary = "管辖范围内的志愿服务队及在队人数")
    List<Teams.TeamView> teams() {
        return teams.list(CurrentActor.get());
    }

    @PostMapping("/teams")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "新建志愿服务队（属于一个单位）")
    ResponseEntity<CreatedVolunteer> createTeam(@RequestBody TeamRequest request) {
        UUID id = teams.create(CurrentActor.get(), request.unitId(), request.name(), request.leaderUserId());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedVolunteer(id));
    }

    @PostMapping("/teams/{id}/membership")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "加入志愿服务队（记录加入日期）")
    ResponseEntity<Void> join(@PathVariable UUID id) {
        teams.join(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/teams/{id}/membership")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "退出志愿服务队（记录退出日期）")
    ResponseEntity<Void> leave(@PathVariable UUID id) {
        teams.leave(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/hours/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    @Operation(summary = "导出已确认的服务时长（UTF-8 CSV，每条确认记录一行；填写理由并有权限时含完整证件号码）")
    ResponseEntity<String> export(@RequestBody ExportRequest request) {
        if (request.from() == null || request.to() == null || !request.to().isAfter(request.from())) {
            throw DomainException.invalid("to", Messages.text("volunteering.activity.window-invalid"));
        }
        String csv = export.csv(CurrentActor.get(), request.from(), request.to(), request.reason());
        return ResponseEntity.ok().contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename("volunteer-hours.csv").build().toString())
                .body("\uFEFF" + csv);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    @Operation(summary = "分页列出管辖范围内的志愿者（证件号码、手机号脱敏）")
    VolunteerPage list(@RequestParam(required = false) @Nullable String community,
            @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > Volunteers.MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("platform.page.size-range", Volunteers.MAX_PAGE_SIZE));
        }
        Page<Volunteers.VolunteerView> result = volunteers.page(CurrentActor.get(), community, q, page, size);
        return new VolunteerPage(result.items(), result.page(), result.size(), result.count());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    @Operation(summary = "查看一名志愿者（脱敏）")
    Volunteers.VolunteerView volunteer(@PathVariable UUID id) {
        return volunteers.detail(CurrentActor.get(), id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "录入志愿者（同一县内一个证件号码只能登记一次）")
    ResponseEntity<CreatedVolunteer> register(@RequestBody Volunteers.NewVolunteer request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.once(key, "POST /api/v1/volunteers", request, CreatedVolunteer.class, () -> {
            UUID id = volunteers.register(CurrentActor.get(), request);
            return ResponseEntity.created(URI.create("/api/v1/volunteers/" + id)).body(new CreatedVolunteer(id));
        });
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAuthority('PII_UNMASK')")
    @Operation(summary = "查看完整证件号码和手机号（须填写理由，记入审计日志）")
    Volunteers.Revealed reveal(@PathVariable UUID id, @RequestBody RevealRequest request) {
        return volunteers.reveal(CurrentActor.get(), id, request.reason());
    }

    @GetMapping("/me")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "我的志愿者档案、时长台账、积分、本县每小时积分和积分卡码")
    Me me() {
        var actor = CurrentActor.get();
        Volunteers.VolunteerView profile = volunteers.own(actor)
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.volunteer.no-profile")));
        String county = profile.communityCode().substring(0, 6);
        return new Me(profile, points.balance(county, profile.communityCode(), profile.id()),
                points.hourRate(county).pointsPerHour(), points.cardCode(profile.id()), ledger.own(actor));
    }

    @PostMapping("/me/certificate")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "开具志愿服务记录证明（PDF，带验证二维码）")
    ResponseEntity<byte[]> certificate() {
        return Downloads.certificate(certificates.issueOwn(CurrentActor.get()));
    }

    @PostMapping("/hours/{rowId}/reversal")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "更正时长：追加一条冲销记录（须填写理由）")
    ResponseEntity<Void> reverse(@PathVariable UUID rowId, @RequestBody ReversalRequest request) {
        ledger.reverse(CurrentActor.get(), rowId, request.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/store/goods")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    @Operation(summary = "积分超市的商品和库存")
    List<Points.Goods> goods() {
        return points.goods(CurrentActor.get());
    }

    @PostMapping("/store/goods")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    @Operation(summary = "上架商品（积分价格和库存）")
    ResponseEntity<CreatedVolunteer> addGoods(@RequestBody GoodsRequest request) {
        UUID id = points.addGoods(CurrentActor.get(), request.communityCode(), request.name(), request.pricePoints(),
                request.stock(), request.merchant());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedVolunteer(id));
    }

    record DeedRequest(@Nullable String countyCode, @Nullable String name, @Nullable Integer points) {
    }

    record DeedPointsRequest(@Nullable Integer points) {
    }

    record RetirementRequest(@Nullable String reason) {
    }

    record HourRateRequest(@Nullable String countyCode, @Nullable Integer pointsPerHour) {
    }

    record DeedAwardRequest(@Nullable String card, @Nullable UUID deedId, @Nullable String note) {
    }

    @GetMapping("/store/deeds")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    @Operation(summary = "县里设置的好事积分规则（好事名称和积分）")
    List<Deeds.Deed> deeds() {
        return deeds.list(CurrentActor.get());
    }

    @PostMapping("/store/deeds")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "县级新增一条好事积分规则（如 垃圾分类 5 分）")
    ResponseEntity<CreatedVolunteer> addDeed(@RequestBody DeedRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedVolunteer(deeds.add(CurrentActor.get(), request.countyCode(), request.name(), request.points())));
    }

    @PatchMapping("/store/deeds/{id}")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "县级修改好事的积分：只对以后记的分生效，已记的分不变（留痕）")
    ResponseEntity<Void> changeDeedPoints(@PathVariable UUID id, @RequestBody DeedPointsRequest request) {
        deeds.changePoints(CurrentActor.get(), id, request.points());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/store/deeds/{id}/retirement")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "县级停用一项好事（须填写理由）：不能再记分，已有积分记录保留")
    ResponseEntity<Void> retireDeed(@PathVariable UUID id, @RequestBody RetirementRequest request) {
        deeds.retire(CurrentActor.get(), id, request.reason());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/store/deeds/{id}/retirement")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "县级恢复停用的好事（已有同名的在用好事时拒绝）")
    ResponseEntity<Void> reinstateDeed(@PathVariable UUID id) {
        deeds.reinstate(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/store/hour-rate")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "县级设置每服务 1 小时得多少积分：只对以后确认的时长生效（留痕）")
    Points.HourRate setHourRate(@RequestBody HourRateRequest request) {
        return points.setHourRate(CurrentActor.get(), request.countyCode(), request.pointsPerHour());
    }

    record AccountRequest(@Nullable String communityCode, @Nullable String name, @Nullable String phone) {
    }

    record AttachRequest(@Nullable String card) {
    }

    @GetMapping("/store/accounts")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    @Operation(summary = "本社区居民积分户（没有志愿者档案的居民）及余额，手机号打码（查看留痕）")
    List<PointsAccounts.Account> accounts() {
        return accounts.list(CurrentActor.get());
    }

    @PostMapping("/store/accounts")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    @Operation(summary = "为没有志愿者档案的居民开积分户（姓名和手机号；同一社区一个手机号一户）")
    ResponseEntity<CreatedVolunteer> openAccount(@RequestBody AccountRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedVolunteer(accounts.open(CurrentActor.get(), request.communityCode(), request.name(), request.phone())));
    }

    @PostMapping("/store/accounts/{id}/attachment")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    @Operation(summary = "居民注册成志愿者后，扫其志愿者积分卡把积分户并入志愿者（余额转入，留痕）")
    PointsAccounts.Attached attachAccount(@PathVariable UUID id, @RequestBody AttachRequest request) {
        return accounts.attach(CurrentActor.get(), id, request.card());
    }

    @PostMapping("/store/deed-awards")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    @Operation(summary = "扫积分卡或输入居民积分户的手机号，按规则记好事积分，须写说明（只增不减，留痕）")
    ResponseEntity<Deeds.Awarded> awardDeed(@RequestBody DeedAwardRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(deeds.award(CurrentActor.get(), request.card(), request.deedId(), request.note()));
    }

    @PostMapping("/store/redemptions")
    @PreAuthorize("hasAuthority('POINTS_REDEEM')")
    @Operation(summary = "扫积分卡或输入手机号兑换商品（积分和库存都不会变成负数）")
    ResponseEntity<Points.Redeemed> redeem(@RequestBody RedemptionRequest request) {
        if (request.goodsId() == null) {
            throw DomainException.invalid(Map.of("goodsId", Messages.text("volunteering.goods.not-found")));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(points.redeem(CurrentActor.get(), request.card(),
                request.goodsId(), request.quantity() == null ? 1 : request.quantity()));
    }
}
