/**
 * Documents with QR codes (证明与回执): any module issues a PDF from a template, stamped with a QR
 * code that opens a public verification page; the page shows only the claims the document makes
 * publicly and whether it is genuine, revoked or forged. Issued documents are kept so they can be revoked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents 证明与回执",
        allowedDependencies = { "platform", "platform :: *", "audit" })
@org.jspecify.annotations.NullMarked
package cn.wushe.documents;
