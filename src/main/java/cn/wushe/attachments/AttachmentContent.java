package cn.wushe.attachments;

/**
 * The bytes of an attachment or its thumbnail, decrypted and checked, with what a download needs.
 *
 * @param fileName sanitized; safe to put in a Content-Disposition header after encoding
 */
public record AttachmentContent(String fileName, String mediaType, byte[] bytes, boolean inline) {
}
