package cn.wushe.projects.web;

import static cn.wushe.projects.web.ProjectWeb.uuid;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.web.Versions;
import cn.wushe.projects.internal.Application;
import cn.wushe.projects.internal.Applying;
import cn.wushe.projects.internal.Confirming;
import cn.wushe.projects.internal.Implementing;
import cn.wushe.projects.internal.ProjectQueries;
import cn.wushe.projects.internal.Reviewing;
import cn.wushe.projects.internal.Terminating;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One application and the project it becomes: autosave, submit, correction, the expert's blind
 * view, declaration and scores, confirmation with its agreement, reports, instalments, evaluation,
 * financial audit and acceptance. An organization reaches only its own (404 on others); an expert
 * only an assigned one in the scoring window.
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectApi {

    static final String READERS = "hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW', 'ORG_OWN', 'PROJECT_EVALUATE')";

    private final ProjectQueries queries;
    private final Applying applying;
    private final Reviewing reviewing;
    private final Confirming confirming;
    private final Implementing implementing;
    private final Terminating terminating;

    ProjectApi(ProjectQueries queries, Applying applying, Reviewing reviewing, Confirming confirming,
            Implementing implementing, Terminating terminating) {
        this.terminating = terminating;
        this.queries = queries;
        this.applying = applying;
        this.reviewing = reviewing;
        this.confirming = confirming;
        this.implementing = implementing;
    }

    record ProjectResponse(Application application, List<Implementing.Report> reports,
            List<Implementing.Instalment> instalments, Terminating.@Nullable Termination termination) {
    }

    record TerminationRequest(@Nullable String reason, @Nullable LocalDate recoveryDueOn) {
    }

    record ReceiptRequest(@Nullable BigDecimal amount, @Nullable LocalDate receivedOn, @Nullable String reference) {
    }

    record CorrectionRequest(@Nullable String note) {
    }

    record DeclarationRequest(boolean conflict, @Nullable String reason) {
    }

    record ScoreRequest(List<@Nullable BigDecimal> points) {
    }

    record ReportRequest(@Nullable String summary, @Nullable BigDecimal spent, @Nullable Integer beneficiaries) {
    }

    record EvaluatorRequest(UUID evaluatorId) {
    }

    record EvaluationRequest(@Nullable String evaluation, @Nullable Integer satisfaction) {
    }

    record FinancialAuditRequest(@Nullable String auditor, @Nullable String conclusion, @Nullable BigDecimal questioned) {
    }

    private ResponseEntity<ProjectResponse> respond(UUID id) {
        Application a = queries.application(CurrentActor.get(), id);
        return ResponseEntity.ok().eTag(Versions.etag(a.version()))
                .body(new ProjectResponse(a, implementing.reports(id), implementing.instalments(id),
                        terminating.termination(id).orElse(null)));
    }

    /** Runs a step on the application and answers with it as it now stands. */
    private ResponseEntity<ProjectResponse> after(String id, java.util.function.Consumer<UUID> step) {
        UUID parsed = uuid(id);
        step.accept(parsed);
        return respond(parsed);
    }

    @GetMapping("/checked-in")
    @PreAuthorize("hasAuthority('ORG_CHECKIN_CONFIRM')")
    @Operation(summary = "社区看已向本社区报到并经确认的组织的资助项目（项目、组织、金额、状态；不含个人信息）")
    List<ProjectQueries.PublicProject> checkedIn() {
        return queries.ofCheckedIn(CurrentActor.get());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "查看申报或项目：预算明细、状态、得分排名、报告和分期拨付")
    ResponseEntity<ProjectResponse> one(@PathVariable String id) {
        return respond(uuid(id));
    }

    @PutMapping("/{id}/draft")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    @Operation(summary = "暂存申报书（自动保存；须带 If-Match；提交后或补正期外不能修改）")
    ResponseEntity<ProjectResponse> save(@PathVariable String id, @RequestBody Applying.Draft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return after(id, a -> applying.save(CurrentActor.get(), a, draft, Versions.required(ifMatch)));
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    @Operation(summary = "提交申报：校验申报期、预算明细合计等于申请金额、不超过领域标准，锁定为新版本")
    ResponseEntity<ProjectResponse> submit(@PathVariable String id) {
        return after(id, a -> applying.submit(CurrentActor.get(), a));
    }

    @PostMapping("/{id}/correction")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "退回补正（须写明需补正的内容），补正期按轮次设定")
    ResponseEntity<ProjectResponse> correction(@PathVariable String id, @RequestBody CorrectionRequest r) {
        return after(id, a -> applying.requestCorrection(CurrentActor.get(), a, r.note()));
    }

    @GetMapping("/{id}/review")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    @Operation(summary = "评审专家查看被分配的申报（须在评分期内；回避申报前不显示内容；盲评时不显示申报组织）")
    Reviewing.ReviewView review(@PathVariable String id) {
        return reviewing.view(CurrentActor.get(), uuid(id));
    }

    @PostMapping("/{id}/declaration")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    @Operation(summary = "回避申报：有利益冲突的由系统另抽专家替补；隐瞒已知任职关系的被拒绝")
    ResponseEntity<Void> declare(@PathVariable String id, @RequestBody DeclarationRequest r) {
        reviewing.declare(CurrentActor.get(), uuid(id), r.conflict(), r.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/scores")
    @PreAuthorize("hasAuthority('APPLICATION_SCORE')")
    @Operation(summary = "提交评分：逐项在 0 至该项分值之间，评分截止前一次提交")
    ResponseEntity<Void> score(@PathVariable String id, @RequestBody ScoreRequest r) {
        reviewing.score(CurrentActor.get(), uuid(id), r.points() == null ? List.of() : r.points());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "确认立项：从轮次剩余预算中一次性扣减（并发确认不会超出预算），生成分期拨付和报告节点")
    ResponseEntity<ProjectResponse> confirm(@PathVariable String id) {
        return after(id, a -> confirming.confirm(CurrentActor.get(), a));
    }

    @GetMapping("/{id}/agreement")
    @PreAuthorize("hasAnyAuthority('ROUND_MANAGE', 'ORG_OWN')")
    @Operation(summary = "下载项目协议书 PDF（带核验二维码，不含个人信息）")
    ResponseEntity<byte[]> agreement(@PathVariable String id) {
        return ProjectWeb.pdf(confirming.agreement(CurrentActor.get(), uuid(id)), Confirming.AGREEMENT);
    }

    @PostMapping("/{id}/reports/{number}")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    @Operation(summary = "提交进度或结项报告（实际支出不超过资助金额）")
    ResponseEntity<ProjectResponse> report(@PathVariable String id, @PathVariable int number, @RequestBody ReportRequest r) {
        return after(id, a -> implementing.submitReport(CurrentActor.get(), a, number, r.summary(), r.spent(),
                r.beneficiaries()));
    }

    @PostMapping("/{id}/instalments/{number}/pay")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "拨付一期资金：有逾期报告时暂缓；最后一期须验收合格")
    ResponseEntity<ProjectResponse> pay(@PathVariable String id, @PathVariable int number) {
        return after(id, a -> implementing.pay(CurrentActor.get(), a, number));
    }

    @PostMapping("/{id}/evaluator")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "指定第三方评估机构账号")
    ResponseEntity<ProjectResponse> evaluator(@PathVariable String id, @RequestBody EvaluatorRequest r) {
        return after(id, a -> implementing.assignEvaluator(CurrentActor.get(), a, r.evaluatorId()));
    }

    @PostMapping("/{id}/evaluation")
    @PreAuthorize("hasAuthority('PROJECT_EVALUATE')")
    @Operation(summary = "第三方评估结论（EXCELLENT 优秀 / GOOD 良好 / PASS 合格 / FAIL 不合格）和满意度，须在结项报告之后")
    ResponseEntity<Void> evaluation(@PathVariable String id, @RequestBody EvaluationRequest r) {
        implementing.evaluate(CurrentActor.get(), uuid(id), r.evaluation(), r.satisfaction());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/financial-audit")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "录入财务审计：审计机构、结论、存疑金额")
    ResponseEntity<ProjectResponse> financialAudit(@PathVariable String id, @RequestBody FinancialAuditRequest r) {
        return after(id, a -> implementing.recordAudit(CurrentActor.get(), a, r.auditor(), r.conclusion(), r.questioned()));
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "结项验收：须有结项报告、财务审计和评估结论；不合格则项目失败，最后一期不拨付")
    ResponseEntity<ProjectResponse> accept(@PathVariable String id) {
        return after(id, a -> implementing.accept(CurrentActor.get(), a));
    }

    @PostMapping("/{id}/terminate")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "终止实施中的项目（须写明原因）：未拨付的期次取消并退回轮次预算；已拨付但报告未列支的金额"
            + "须在追回期限（recoveryDueOn，晚于今天、一年内）前追回")
    ResponseEntity<ProjectResponse> terminate(@PathVariable String id, @RequestBody TerminationRequest r) {
        return after(id, a -> terminating.terminate(CurrentActor.get(), a, r.reason(), r.recoveryDueOn()));
    }

    @PostMapping("/{id}/recovery/receipts")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "登记一笔追回到账：金额不超过尚欠金额，到账日期不早于终止日、不晚于今天，附收款凭证号；"
            + "追回的资金退回轮次预算，全部追回后结清")
    ResponseEntity<ProjectResponse> receipt(@PathVariable String id, @RequestBody ReceiptRequest r) {
        return after(id, a -> terminating.recordReceipt(CurrentActor.get(), a, r.amount(), r.receivedOn(), r.reference()));
    }
}
