/**
 * Accounts, roles with region scope, login, password policy, lockout, sessions and API tokens;
 * the security configuration of the whole application. Its API is {@link cn.wushe.identity.internal.Role}
 * and the signed-in principal {@link cn.wushe.identity.internal.SignedInUser}. Self-service sign-up
 * publishes {@link cn.wushe.identity.SignUpDecided} and {@link cn.wushe.identity.SignUpRepeated} and offers
 * {@link cn.wushe.identity.ResidentAccounts} (linking to registry records) and
 * {@link cn.wushe.identity.SignUpContacts} (the text-message seam).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity 账号与权限",
        allowedDependencies = { "platform", "platform :: *", "audit", "region", "units", "notifications" })
@org.jspecify.annotations.NullMarked
package cn.wushe.identity;
