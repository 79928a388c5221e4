/** The documents module's implementation: serials and signed links, the PDF renderer, the store of issued documents, verification. */
@org.jspecify.annotations.NullMarked
package cn.wushe.documents.internal;
