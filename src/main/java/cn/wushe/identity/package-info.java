/**
 * Accounts, roles with region scope, login, password policy, lockout, sessions and API tokens;
 * the security configuration of the whole application. Its API is {@link cn.wushe.identity.internal.Role}
 * and the signed-in principal {@link cn.wushe.identity.internal.SignedInUser}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity 账号与权限",
        allowedDependencies = { "platform", "platform :: *", "audit", "region", "units" })
@org.jspecify.annotations.NullMarked
package cn.wushe.identity;
