package cn.wushe.attachments.internal;

import cn.wushe.attachments.AttachmentKind;
import cn.wushe.platform.Messages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded photo into what is served: the dimensions are read from the header and a
 * decompression bomb refused before any pixel is decoded; large photos are decoded subsampled (memory
 * stays near the served size); the EXIF orientation is applied; the pixels are written anew, so EXIF,
 * GPS location, comments and any bytes hidden after the image are not carried over; and a thumbnail
 * is made. The original upload is not kept (see the README: it would keep the location).
 */
final class ImageReencoding {

    static {
        ImageIO.setUseCache(false); // no temp files with decoded pixels on disk
    }

    /** The served image and its thumbnail, both freshly encoded. */
    record Reencoded(AttachmentKind kind, byte[] served, byte[] thumbnail, int width, int height) {
    }

    private final AttachmentProperties limits;

    ImageReencoding(AttachmentProperties limits) {
        this.limits = limits;
    }

    /** Whether this JVM can decode WebP at all (the JDK cannot; a plugin on the class path could). */
    static boolean readsWebp() {
        return ImageIO.getImageReadersByFormatName("webp").hasNext();
    }

    Reencoded reencode(byte[] bytes, Sniffed sniffed) {
        String format = sniffed.name().toLowerCase(Locale.ROOT);
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw RefusedAttachment.type(Messages.text("attachments.refused.webp"));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkDimensions(width, height);
                int longest = Math.max(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (longest + limits.servedSide() - 1) / limits.servedSide();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                image = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (RefusedAttachment e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw RefusedAttachment.content(Messages.text("attachments.refused.image-unreadable", sniffed.label()));
        }
        if (sniffed == Sniffed.JPEG) {
            image = ExifOrientation.apply(image, ExifOrientation.of(bytes));
        }
        boolean png = sniffed != Sniffed.JPEG; // PNG stays lossless; WebP (if readable) is served as PNG
        BufferedImage clean = redraw(image, image.getWidth(), image.getHeight(), png && image.getColorModel().hasAlpha());
        byte[] served = png ? writePng(clean) : writeJpeg(clean, 0.88f);
        double scale = Math.min(1.0, (double) limits.thumbnailSide() / Math.max(clean.getWidth(), clean.getHeight()));
        BufferedImage small = scaled(clean, Math.max(1, (int) Math.round(clean.getWidth() * scale)),
                Math.max(1, (int) Math.round(clean.getHeight() * scale)));
        return new Reencoded(png ? AttachmentKind.PNG : AttachmentKind.JPEG, served, writeJpeg(small, 0.8f),
                clean.getWidth(), clean.getHeight());
    }

    private void checkDimensions(int width, int height) {
        if (width < 1 || height < 1) {
            throw RefusedAttachment.content(Messages.text("attachments.refused.image-empty"));
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw RefusedAttachment.content(Messages.text("attachments.refused.image-too-many-pixels", width, height,
                    limits.maxPixels() / 1_000_000));
        }
        if (Math.max(width, height) > (long) Math.min(width, height) * limits.maxAspectRatio()) {
            throw RefusedAttachment.content(Messages.text("attachments.refused.image-ratio", width, height,
                    limits.maxAspectRatio()));
        }
    }

    /** Pixels only, in a plain RGB (or ARGB) raster: palettes, 16-bit channels and colour profiles do not survive. */
    private static BufferedImage redraw(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Halves step by step before the last bilinear step, which keeps a thumbnail of a large photo sharp. */
    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = redraw(current, current.getWidth() / 2, current.getHeight() / 2, false);
        }
        return redraw(current, width, height, false);
    }

    private static byte[] writeJpeg(BufferedImage image, float quality) {
        BufferedImage rgb = image.getType() == BufferedImage.TYPE_INT_RGB ? image
                : redraw(image, image.getWidth(), image.getHeight(), false);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] writePng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }
}
