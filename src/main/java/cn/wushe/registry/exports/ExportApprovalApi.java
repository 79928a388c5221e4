package cn.wushe.registry.exports;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.exports.ExportApprovals.ExportRequest;
import cn.wushe.registry.internal.PersonFilter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Four-eyes export (导出审批) over the API: request, decide, download once. */
@RestController
@RequestMapping("/api/v1/people/export-requests")
class ExportApprovalApi {

    static final String BOTH = "hasAuthority('PERSON_EXPORT') and hasAuthority('PII_UNMASK')";

    /** The people list's filters and the reason of the unmasked export. */
    record NewRequest(@Nullable String region, @Nullable String category, @Nullable Integer ageMin, @Nullable Integer ageMax,
            @Nullable Sex sex, @Nullable Boolean disability, @Nullable String disabilityType, @Nullable String name,
            @Nullable String reason) {
    }

    record Decision(@Nullable String note) {
    }

    record Requests(List<ExportRequest> mine, List<ExportRequest> toDecide) {
    }

    private final ExportApprovals approvals;
    private final Clock clock;

    ExportApprovalApi(ExportApprovals approvals, Clock clock) {
        this.approvals = approvals;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(BOTH)
    @Operation(summary = "申请导出完整信息（需他人审批）",
            description = "按人员名单的筛选条件申请导出完整信息，须填写事由（至少 4 个字）。申请须由另一位在同级或上级范围内有导出和查看完整信息权限的人员审批，"
                    + "3 天内未审批即过期。201 返回申请。")
    ResponseEntity<ExportRequest> request(@RequestBody NewRequest body) {
        PersonFilter filter = new PersonFilter(body.region(), body.category(), body.ageMin(), body.ageMax(), body.sex(),
                body.disability(), body.disabilityType(), body.name());
        ExportRequest created = approvals.request(CurrentActor.get(), filter, body.reason());
        return ResponseEntity.created(URI.create("/api/v1/people/export-requests/" + created.id())).body(created);
    }

    @GetMapping
    @PreAuthorize(BOTH)
    @Operation(summary = "我的导出申请和待我审批的申请",
            description = "mine：本人提交的申请（最新在前）；toDecide：他人提交、在本人范围内等待审批的申请。")
    Requests list() {
        return new Requests(approvals.mine(CurrentActor.get()), approvals.toDecide(CurrentActor.get()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(BOTH)
    @Operation(summary = "查看一项导出申请", description = "本人的申请或本人可以审批的申请；范围外为 404。")
    ExportRequest get(@PathVariable UUID id) {
        return approvals.get(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(BOTH)
    @Operation(summary = "批准导出申请",
            description = "不能批准自己的申请（403）；范围外的申请为 404；已审批、已下载或已过期为 409。批准后申请人须在 24 小时内下载，只能下载一次。")
    ExportRequest approve(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision body) {
        return approvals.approve(CurrentActor.get(), id, body == null ? null : body.note());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(BOTH)
    @Operation(summary = "驳回导出申请", description = "须写明驳回理由（note）；其余规则同批准。")
    ExportRequest reject(@PathVariable UUID id, @RequestBody(required = false) @Nullable Decision body) {
        return approvals.reject(CurrentActor.get(), id, body == null ? null : body.note());
    }

    @GetMapping(value = "/{id}/download", produces = ExportWeb.XLSX)
    @PreAuthorize(BOTH)
    @Operation(summary = "下载已批准的导出（仅一次）",
            description = "只有申请人可以下载，批准后 24 小时内、仅一次；再次下载或过期为 409。导出记入审计日志并注明申请编号。")
    void download(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        approvals.downloadable(CurrentActor.get(), id);
        response.setContentType(ExportWeb.XLSX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(ExportWeb.fileName(clock), StandardCharsets.UTF_8).build().toString());
        approvals.download(CurrentActor.get(), id, response.getOutputStream());
    }
}
