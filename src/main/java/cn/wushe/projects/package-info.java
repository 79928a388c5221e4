/**
 * Funding rounds and projects (公益创投、微项目、政府购买服务): applications with locked versions, expert
 * scoring with conflict declarations and blind mode, budget-safe confirmation with an agreement,
 * reports, instalments and acceptance. Other modules listen to {@link cn.wushe.projects.ProjectConfirmed},
 * {@link cn.wushe.projects.InstalmentDue} and {@link cn.wushe.projects.ProjectAccepted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects 项目",
        allowedDependencies = { "platform", "platform :: *", "audit", "units", "organizations", "documents",
                "scheduling", "identity", "region", "notifications" })
@org.jspecify.annotations.NullMarked
package cn.wushe.projects;
