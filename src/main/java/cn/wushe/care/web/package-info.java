/** Care's pages (phone first) and its REST API under {@code /api/v1/care}. */
@org.jspecify.annotations.NullMarked
package cn.wushe.care.web;
