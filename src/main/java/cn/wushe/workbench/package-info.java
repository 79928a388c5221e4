/** The web shell: the role-aware workbench (工作台), display preferences (适老化) and error pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench 工作台", allowedDependencies = { "platform", "platform :: *" })
@org.jspecify.annotations.NullMarked
package cn.wushe.workbench;
