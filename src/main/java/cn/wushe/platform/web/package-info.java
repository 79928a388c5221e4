/**
 * Web conventions every module uses the one way: problem+json from the problem catalogue, ETag and
 * If-Match; the advice that maps refusals, the request id and the OpenAPI description stay inside.
 */
@org.springframework.modulith.NamedInterface("web")
@org.jspecify.annotations.NullMarked
package cn.wushe.platform.web;
