/**
 * Volunteers (志愿者): profiles on the volunteer sign-up, teams, activities and recurring services,
 * check-in by signed QR code with a geofence, the append-only hours ledger with star levels, the
 * points store (积分超市) and certificates (志愿服务记录证明). Publishes {@link cn.wushe.volunteering.HoursConfirmed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteering 志愿服务",
        allowedDependencies = { "platform", "platform :: *", "audit", "region", "units", "identity", "documents",
                "notifications", "scheduling" })
@org.jspecify.annotations.NullMarked
package cn.wushe.volunteering;
