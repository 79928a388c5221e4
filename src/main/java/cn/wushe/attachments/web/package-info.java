/** The attachments REST API ({@code /api/v1/attachments}), the content addresses ({@code /attachments/{id}}) and the htmx panel any page can embed. */
@org.jspecify.annotations.NullMarked
package cn.wushe.attachments.web;
