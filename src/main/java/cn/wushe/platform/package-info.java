/**
 * Shared technical vocabulary that every business module may use: the acting user and their
 * region scopes, the one scope filter for SQL, problem+json errors, the clock. Depends on no
 * business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package cn.wushe.platform;
