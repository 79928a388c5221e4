package cn.wushe.projects;

import java.math.BigDecimal;
import java.util.UUID;

/** An application was confirmed (确认立项) and its award taken from the round's budget. */
public record ProjectConfirmed(UUID projectId, UUID roundId, UUID ownerUnitId, String countyCode, BigDecimal awarded) {
}
