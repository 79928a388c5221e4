package cn.wushe.attachments.internal;

import cn.wushe.platform.Messages;
import java.nio.charset.StandardCharsets;

/**
 * What the first bytes of a file say it is. Only the magic numbers decide; names and declared types
 * never do. The kinds attachments refuse are named too, so the refusal says what the file really is.
 */
enum Sniffed {
    JPEG, PNG, WEBP, PDF, ZIP, GIF, HEIC, BMP, TIFF, OLE, HTML, SVG_OR_XML, UNKNOWN;

    static Sniffed of(byte[] b) {
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return WEBP;
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return ZIP;
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp")) {
            return HEIC; // ISO media (HEIC/HEIF/AVIF, also MP4): none of them an accepted kind
        }
        if (startsWith(b, 'B', 'M')) {
            return BMP;
        }
        if (startsWith(b, 'I', 'I', 42, 0) || startsWith(b, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return OLE;
        }
        String head = ascii(b, 0, Math.min(b.length, 512)).stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body") || head.startsWith("<script")) {
            return HTML;
        }
        if (head.startsWith("<?xml") || head.startsWith("<svg")) {
            return SVG_OR_XML;
        }
        return UNKNOWN;
    }

    /** "JPEG 图片", "网页（HTML）" … for refusal messages. */
    String label() {
        return Messages.text("attachments.sniffed." + name());
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != (magic[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int from, int length) {
        return from + length > b.length ? "" : new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}
