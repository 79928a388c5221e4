/** The attachments module's inside: content inspection, image re-encoding, encrypted blobs, metadata store and use cases. */
@org.jspecify.annotations.NullMarked
package cn.wushe.attachments.internal;
