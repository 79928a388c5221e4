/** The public verification page ({@code /verify/{token}}, rate-limited per client) and the revocation API ({@code /api/v1/documents}). */
@org.jspecify.annotations.NullMarked
package cn.wushe.documents.web;
