package cn.wushe.monitoring.web;

import cn.wushe.monitoring.internal.ComparisonRules;
import cn.wushe.monitoring.internal.CountyRules;
import cn.wushe.monitoring.internal.FeedKind;
import cn.wushe.monitoring.internal.PolicyFinding;
import cn.wushe.monitoring.internal.PolicyRule;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

/** The county's comparison rules and its 政策找人 rules over REST, for the county admin. */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringRulesApi {

    private final CountyRules rules;
    private final PolicyFinding policy;

    MonitoringRulesApi(CountyRules rules, PolicyFinding policy) {
        this.rules = rules;
        this.policy = policy;
    }

    record RulesRequest(int maxStayDays, BigDecimal dibaoLineYuan, int policyQuietDays) {
    }

    record PolicyRuleRequest(String countyCode, @Nullable String name, @Nullable List<String> holds, @Nullable List<String> lacks,
            @Nullable Integer minAge, @Nullable Integer maxAge, @Nullable Integer minHousehold, @Nullable Integer maxHousehold,
            @Nullable FeedKind factKind, @Nullable BigDecimal factMin, @Nullable BigDecimal factMax) {
    }

    @GetMapping("/rules/{countyCode}")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    @Operation(summary = "查看县（区）的比对规则：住院天数上限（红、黄）、低保标准（元/月）、政策找人不重复提醒的天数")
    ResponseEntity<ComparisonRules> read(@PathVariable String countyCode) {
        ComparisonRules current = rules.read(CurrentActor.get(), countyCode);
        return ResponseEntity.ok().eTag(Versions.etag(current.version())).body(current);
    }

    @PutMapping("/rules/{countyCode}")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    @Operation(summary = "修改县（区）的比对规则（须带 If-Match）")
    ResponseEntity<ComparisonRules> change(@PathVariable String countyCode, @RequestBody RulesRequest request,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ComparisonRules changed = rules.change(CurrentActor.get(), countyCode, request.maxStayDays(), request.dibaoLineYuan(),
                request.policyQuietDays(), Versions.required(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(changed);
    }

    @GetMapping("/policy-rules")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    @Operation(summary = "政策找人规则列表（本人所在县）")
    List<PolicyRule> policyRules() {
        return policy.list(CurrentActor.get());
    }

    @PostMapping("/policy-rules")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    @Operation(summary = "新增政策找人规则：有或没有某类别、年龄段、家庭人数、部门数据（如残联等级 1–2）")
    ResponseEntity<PolicyRule> define(@RequestBody PolicyRuleRequest r) {
        PolicyRule rule = policy.define(CurrentActor.get(), new PolicyRule.Draft(r.countyCode(), r.name(), r.holds(), r.lacks(),
                r.minAge(), r.maxAge(), r.minHousehold(), r.maxHousehold(), r.factKind(), r.factMin(), r.factMax()));
        return ResponseEntity.created(URI.create("/api/v1/monitoring/policy-rules")).body(rule);
    }

    @PostMapping("/policy-rules/run/{countyCode}")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    @Operation(summary = "立即运行本县的政策找人规则（平时每日自动运行）；不重复期内已提醒的人不再提醒")
    PolicyFinding.RunResult run(@PathVariable String countyCode) {
        return policy.runNow(CurrentActor.get(), countyCode);
    }
}
