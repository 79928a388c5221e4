/** The HTTP security of the whole application: filter chain, login, headers, CSRF, problem+json 401/403. */
@org.jspecify.annotations.NullMarked
package cn.wushe.identity.security;
