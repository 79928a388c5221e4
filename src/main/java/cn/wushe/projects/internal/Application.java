package cn.wushe.projects.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An application (申报书) and, once confirmed, the project it became. */
public record Application(UUID id, String countyCode, UUID roundId, UUID ownerUnitId, String ownerName, String regionCode,
        String title, String field, @Nullable String need, @Nullable String needRefs, @Nullable String goals,
        @Nullable String targetGroup, @Nullable Integer beneficiaries, List<BudgetLine> budgetLines, BigDecimal requested,
        List<Indicator> indicators, List<TeamMember> team, ApplicationStatus status, int submittedVersion,
        @Nullable Instant correctionUntil, @Nullable String correctionNote, @Nullable BigDecimal meanScore,
        @Nullable Integer rank, int outlierExperts, @Nullable BigDecimal awarded, @Nullable UUID evaluatorId,
        @Nullable String evaluation, @Nullable AuditRecord auditRecord, @Nullable Integer satisfaction, long version) {

    /** 预算明细: an item, its category (人员/活动/管理) and amount. */
    public record BudgetLine(String item, String category, BigDecimal amount) {
    }

    /** 绩效指标: 产出 (OUTPUT), 效益 (EFFECT) or 满意度 (SATISFACTION), with its target. */
    public record Indicator(String type, String name, String target) {
    }

    /** 项目团队: a member's role and social-work certificate level (none, 助理, 中级, 高级). */
    public record TeamMember(String name, String role, String certificate) {
    }

    /** 财务审计: who audited, the conclusion and the amount questioned. */
    public record AuditRecord(String auditor, String conclusion, BigDecimal questioned) {
    }

    /** An amount as people write it: 45000, 1234.5 — no trailing zeros, no exponent. */
    public static String yuan(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    public BigDecimal budgetSum() {
        return budgetLines.stream().map(BudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
