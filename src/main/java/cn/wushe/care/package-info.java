/**
 * Care (关爱走访): risk tiers (红黄蓝绿) with assessment and approval, visit cycles as deadlines,
 * visits with 五了解 and 四协助 items tracked to closure, 1+N+1 pairings with consent, and alerts
 * (预警→走访→处置) that escalate when overdue. People come only from {@code registry.PersonDirectory}
 * and the registry's events. Publishes {@link cn.wushe.care.VisitRecorded} and {@link cn.wushe.care.AlertClosed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care 关爱走访",
        allowedDependencies = { "platform", "platform :: *", "audit", "region", "registry", "scheduling", "calendar",
                "notifications", "attachments", "identity" })
@org.jspecify.annotations.NullMarked
package cn.wushe.care;
