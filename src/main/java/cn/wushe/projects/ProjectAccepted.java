package cn.wushe.projects;

import java.util.UUID;

/**
 * A project passed or failed acceptance (结项验收).
 *
 * @param evaluation EXCELLENT 优秀, GOOD 良好, PASS 合格 or FAIL 不合格
 */
public record ProjectAccepted(UUID projectId, UUID ownerUnitId, String countyCode, String evaluation, boolean passed) {
}
