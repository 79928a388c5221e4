/**
 * Monitoring (数据比对): department files (hospital stays, income, deaths, household changes,
 * disability grades) matched against the registry through {@code registry.PersonDirectory}'s bulk
 * blind-index match; the county's rules turn matches into care alerts ({@code care.CareAlerts}). A
 * file runs once (SHA-256); its summary lists matched people, alerts and rejected rows with reasons.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring 数据比对",
        allowedDependencies = { "platform", "platform :: *", "audit", "registry", "care" })
@org.jspecify.annotations.NullMarked
package cn.wushe.monitoring;
