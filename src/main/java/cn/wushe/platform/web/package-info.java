/** Web conventions shared by all modules: problem+json for the API. */
@org.jspecify.annotations.NullMarked
package cn.wushe.platform.web;
