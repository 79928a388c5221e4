/** The registry's REST API (/api/v1/people, /api/v1/households) and its pages. */
@org.jspecify.annotations.NullMarked
package cn.wushe.registry.web;
