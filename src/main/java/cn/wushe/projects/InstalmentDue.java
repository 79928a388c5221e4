package cn.wushe.projects;

import java.math.BigDecimal;
import java.util.UUID;

/** An instalment of a project fell due and no overdue report holds it: the funder pays it now. */
public record InstalmentDue(UUID projectId, int number, BigDecimal amount, String countyCode) {
}
