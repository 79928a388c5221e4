package cn.wushe.projects.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.projects.internal.ExternalFunds;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
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

/** External funds (省级、基金会项目) beside the county's rounds, with the funder's report schedule. */
@RestController
@RequestMapping("/api/v1/external-funds")
class FundApi {

    static final String READERS = "hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW', 'ORG_OWN')";

    private final ExternalFunds funds;

    FundApi(ExternalFunds funds) {
        this.funds = funds;
    }

    record FundResponse(ExternalFunds.Fund fund, List<ExternalFunds.FundReport> reports) {
    }

    record FundReportRequest(@Nullable String summary) {
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "列出可见的外部资金项目（省级、基金会等），社会组织只见本组织的")
    List<ExternalFunds.Fund> list() {
        return funds.funds(CurrentActor.get());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "登记外部资金项目：资助方、金额、起止日期、报告周期（月），自动排出报告节点")
    ResponseEntity<FundResponse> record(@RequestBody ExternalFunds.NewFund request) {
        ExternalFunds.Fund fund = funds.record(CurrentActor.get(), request);
        return ResponseEntity.created(URI.create("/api/v1/external-funds/" + fund.id()))
                .body(new FundResponse(fund, funds.reports(fund.id())));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "查看外部资金项目和报告节点")
    FundResponse one(@PathVariable String id) {
        UUID parsed = ProjectWeb.uuid(id);
        return new FundResponse(funds.fund(CurrentActor.get(), parsed), funds.reports(parsed));
    }

    @PostMapping("/{id}/reports/{number}")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    @Operation(summary = "社会组织按资助方要求提交一期报告（每期一次）")
    FundResponse report(@PathVariable String id, @PathVariable int number, @RequestBody FundReportRequest r) {
        UUID parsed = ProjectWeb.uuid(id);
        funds.report(CurrentActor.get(), parsed, number, r.summary());
        return new FundResponse(funds.fund(CurrentActor.get(), parsed), funds.reports(parsed));
    }
}
