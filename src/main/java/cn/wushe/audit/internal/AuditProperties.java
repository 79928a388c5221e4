package cn.wushe.audit.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code wushe.audit}. Checked at startup: the application refuses to start with a
 * retention below 180 days (网络安全法 Art. 21: network logs are kept at least six months).
 *
 * @param retentionDays how long entries are kept at least; the table refuses deletes today, so
 *                      nothing is deleted at all — this is the floor a future archiving job must respect
 * @param lanes         into how many lanes (each its own gap-free hash chain with its own lock) every
 *                      county's chain is split, so that audit writes of one county run in parallel;
 *                      lowering it later is safe (higher lanes are still verified, just no longer extended)
 * @param headsDir      where the chain heads are shipped (append-only, outside {@code ./data/pg}); empty
 *                      for {@code ${wushe.data-dir}/audit-heads}
 * @param headInterval  how often the heads are shipped; at most one minute
 */
@ConfigurationProperties("wushe.audit")
@Validated
public record AuditProperties(
        @DefaultValue("180") @Min(value = MINIMUM_RETENTION_DAYS,
                message = "审计日志保留天数（wushe.audit.retention-days）不得少于 180 天") int retentionDays,
        @DefaultValue("32") @Min(value = 1, message = "审计链分道数（wushe.audit.lanes）须在 1 到 64 之间")
        @Max(value = 64, message = "审计链分道数（wushe.audit.lanes）须在 1 到 64 之间") int lanes,
        @DefaultValue("") String headsDir,
        @DefaultValue("60s") java.time.Duration headInterval) {

    public static final int MINIMUM_RETENTION_DAYS = 180;
}
