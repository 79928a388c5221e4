/** Accounts, role assignments, password and lockout policies, tokens: the use cases behind the identity pages and API. */
@org.jspecify.annotations.NullMarked
package cn.wushe.identity.internal;
