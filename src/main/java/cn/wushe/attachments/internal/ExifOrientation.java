package cn.wushe.attachments.internal;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation tag (0x0112) of a JPEG, read by walking the segments up to the image data, and
 * its transform: phones store a portrait photo as landscape pixels plus this tag, and re-encoding
 * drops the tag, so the pixels are turned first. Anything unexpected reads as 1 (as stored).
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if (u8(jpeg, i) != 0xFF) {
                return 1;
            }
            int marker = u8(jpeg, i + 1);
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1; // image data begins: no EXIF before it
            }
            int length = u16(jpeg, i + 2, false);
            if (marker == 0xE1 && length >= 16 && i + 10 <= jpeg.length
                    && new String(jpeg, i + 4, 6, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return fromTiff(jpeg, i + 10, Math.min(jpeg.length, i + 2 + length));
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
            return 1;
        }
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || start + ifd + 2 > end) {
            return 1;
        }
        int at = (int) (start + ifd);
        int entries = u16(b, at, little);
        for (int n = 0; n < entries; n++) {
            int entry = at + 2 + n * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The image as the camera meant it to be seen; the same image for orientation 1. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        boolean swap = orientation >= 5;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, image.getType() == 0
                ? BufferedImage.TYPE_INT_RGB : image.getType());
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    private static int u8(byte[] b, int i) {
        return i < b.length ? b[i] & 0xFF : -1;
    }

    private static int u16(byte[] b, int i, boolean little) {
        if (i + 2 > b.length) {
            return 0;
        }
        return little ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 : (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static long u32(byte[] b, int i, boolean little) {
        if (i + 4 > b.length) {
            return 0;
        }
        long hi = u16(b, little ? i + 2 : i, little);
        long lo = u16(b, little ? i : i + 2, little);
        return hi << 16 | lo;
    }
}
