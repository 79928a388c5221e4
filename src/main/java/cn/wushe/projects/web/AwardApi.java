package cn.wushe.projects.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.projects.internal.AwardDocuments;
import cn.wushe.projects.internal.Awards;
import cn.wushe.projects.internal.StationBrands;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 一站一品 brands and the yearly selections with certificates and the compiled PDF (汇编). */
@RestController
@RequestMapping("/api/v1")
class AwardApi {

    static final String READERS = "hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW')";

    private final Awards awards;
    private final StationBrands brands;
    private final AwardDocuments documents;

    AwardApi(Awards awards, StationBrands brands, AwardDocuments documents) {
        this.awards = awards;
        this.brands = brands;
        this.documents = documents;
    }

    record BrandRequest(@Nullable String stationCode, @Nullable String name, @Nullable String field,
            @Nullable List<UUID> projectIds) {
    }

    record SelectionRequest(@Nullable String countyCode, @Nullable Integer year, @Nullable String category,
            @Nullable Integer winners) {
    }

    record SelectionResponse(Awards.Selection selection, List<Awards.Nomination> nominations) {
    }

    record NominationRequest(@Nullable String nominee, @Nullable String ownerName, @Nullable String summary) {
    }

    record ScoreRequest(@Nullable String member, @Nullable BigDecimal total) {
    }

    record ObjectionRequest(@Nullable String reason) {
    }

    private SelectionResponse respond(Awards.Selection s) {
        return new SelectionResponse(s, awards.nominations(s.id()));
    }

    @GetMapping("/brands")
    @PreAuthorize(READERS)
    @Operation(summary = "列出管辖范围内各站点的一站一品品牌")
    List<StationBrands.Brand> brands() {
        return brands.brands(CurrentActor.get());
    }

    @PostMapping("/brands")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "命名站点品牌（每站一个）：名称、领域、所含项目")
    StationBrands.Brand brand(@RequestBody BrandRequest r) {
        return brands.brand(CurrentActor.get(), r.stationCode(), r.name(), r.field(), r.projectIds());
    }

    @GetMapping("/awards")
    @PreAuthorize(READERS)
    @Operation(summary = "列出年度评选（优秀社会组织、优秀案例、优秀项目）")
    List<Awards.Selection> selections() {
        return awards.selections(CurrentActor.get());
    }

    @PostMapping("/awards")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "发起年度评选：年度、类别、获奖名额（每县每年每类一次）")
    SelectionResponse open(@RequestBody SelectionRequest r) {
        Awards.Selection s = awards.open(CurrentActor.get(), r.countyCode(), r.year(), r.category(), r.winners());
        return new SelectionResponse(s, List.of());
    }

    @GetMapping("/awards/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "查看评选：提名、平均分、排名、离群评分数、获奖与异议")
    SelectionResponse one(@PathVariable String id) {
        return respond(awards.selection(CurrentActor.get(), ProjectWeb.uuid(id)));
    }

    @PostMapping("/awards/{id}/nominations")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "提名：被提名对象名称、所属组织、事迹摘要（不含个人信息）")
    Awards.Nomination nominate(@PathVariable String id, @RequestBody NominationRequest r) {
        return awards.nominate(CurrentActor.get(), ProjectWeb.uuid(id), r.nominee(), r.ownerName(), r.summary());
    }

    @PostMapping("/awards/{id}/nominations/{nomination}/scores")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "录入评审委员的总分（0–100，同一委员再次录入即更正）")
    ResponseEntity<Void> score(@PathVariable String id, @PathVariable String nomination, @RequestBody ScoreRequest r) {
        awards.score(CurrentActor.get(), ProjectWeb.uuid(id), ProjectWeb.uuid(nomination), r.member(), r.total());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/awards/{id}/publicity")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "汇总评分（5 人以上去掉最高最低分，标出离群评分）、排名并公示前若干名 7 天")
    SelectionResponse publicize(@PathVariable String id) {
        return respond(awards.publicize(CurrentActor.get(), ProjectWeb.uuid(id)));
    }

    @PostMapping("/awards/{id}/nominations/{nomination}/objection")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "公示期内异议成立：取消该获奖（须写明理由）")
    ResponseEntity<Void> objection(@PathVariable String id, @PathVariable String nomination, @RequestBody ObjectionRequest r) {
        awards.uphold(CurrentActor.get(), ProjectWeb.uuid(id), ProjectWeb.uuid(nomination), r.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/awards/{id}/close")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "公示期满后结束评选，为每个获奖对象签发带核验二维码的证书")
    SelectionResponse close(@PathVariable String id) {
        return respond(documents.close(CurrentActor.get(), ProjectWeb.uuid(id)));
    }

    @GetMapping("/awards/{id}/compilation")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "下载获奖汇编 PDF（获奖对象、所属组织、得分和事迹，不含个人信息）")
    ResponseEntity<byte[]> compilation(@PathVariable String id) {
        return ProjectWeb.pdf(documents.compilation(CurrentActor.get(), ProjectWeb.uuid(id)), AwardDocuments.COMPILATION);
    }
}
