/**
 * Accounts, roles with region scope, login, password policy, lockout, sessions and API tokens;
 * the security configuration of the whole application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity 账号与权限")
@org.jspecify.annotations.NullMarked
package cn.wushe.identity;
