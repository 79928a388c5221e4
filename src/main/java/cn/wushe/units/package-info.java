/**
 * Organizational units (单位): county departments, town governments and street offices, social-work
 * stations and rooms, community committees, social organizations, charity organizations and
 * companies, each placed in the region tree. Other modules use {@link cn.wushe.units.Units}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Units 单位",
        allowedDependencies = { "platform", "platform :: *", "audit", "region" })
@org.jspecify.annotations.NullMarked
package cn.wushe.units;
