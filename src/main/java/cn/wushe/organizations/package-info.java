/**
 * The register of social organizations (社会组织): registered organizations with their unified
 * social credit code, community organizations filed with their town, leaders, party status, 1A–5A
 * grades, annual reports and the abnormal list. Every organization is a unit of the units module.
 * Other modules use {@link cn.wushe.organizations.Organizations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations 社会组织",
        allowedDependencies = { "platform", "platform :: *", "audit", "region", "units", "scheduling", "documents" })
@org.jspecify.annotations.NullMarked
package cn.wushe.organizations;
