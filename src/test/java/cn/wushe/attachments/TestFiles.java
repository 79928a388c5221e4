package cn.wushe.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real files of each kind, made in the test: nothing is checked in, and each one is what its name says unless meant to lie. */
public final class TestFiles {

    /** Latitude 34° 56' 78.90" as EXIF rationals: the bytes a served image must not carry. */
    public static final byte[] GPS_LATITUDE = ByteBuffer.allocate(24).putInt(34).putInt(1).putInt(56).putInt(1)
            .putInt(7890).putInt(100).array();

    private TestFiles() {
    }

    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /** A phone photo: JPEG with an EXIF segment holding the orientation tag and a GPS latitude. */
    public static byte[] jpegWithGps(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        ByteBuffer tiff = ByteBuffer.allocate(92); // big-endian, as "MM" says
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2); // IFD0: orientation, GPS pointer
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        tiff.putShort((short) 2); // GPS IFD at 38: latitude ref, latitude
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.put(GPS_LATITUDE);
        byte[] exif = tiff.array();
        ByteArrayOutputStream app1 = new ByteArrayOutputStream();
        int length = 2 + 6 + exif.length;
        app1.write(0xFF);
        app1.write(0xE1);
        app1.write(length >> 8);
        app1.write(length & 0xFF);
        app1.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        app1.writeBytes(exif);
        int afterApp0 = 4 + ((plain[4] & 0xFF) << 8 | (plain[5] & 0xFF)); // SOI, then JFIF APP0
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterApp0);
        out.writeBytes(app1.toByteArray());
        out.write(plain, afterApp0, plain.length - afterApp0);
        return out.toByteArray();
    }

    /** A real PNG whose header (IHDR, CRC fixed) claims other dimensions than its pixels: a decompression bomb's calling card. */
    public static byte[] pngClaiming(int width, int height) {
        byte[] png = png(8, 8);
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // "IHDR" and its 13 data bytes
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    public static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n";
        String xref = "xref\n0 4\n0000000000 65535 f \n";
        return (body + xref + "trailer << /Size 4 /Root 1 0 R >>\nstartxref\n" + body.length() + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] xlsx() {
        return zip(new String[][] {
                {"[Content_Types].xml", contentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                        "/xl/workbook.xml")},
                {"_rels/.rels", rels("xl/workbook.xml")},
                {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
                        + "spreadsheetml/2006/main\"><sheets/></workbook>"}});
    }

    public static byte[] docx() {
        return zip(new String[][] {
                {"[Content_Types].xml", contentTypes(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "/word/document.xml")},
                {"_rels/.rels", rels("word/document.xml")},
                {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                        + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>走访记录</w:t></w:r></w:p></w:body></w:document>"}});
    }

    /** A .docx-looking ZIP whose document part inflates 8 MB of one letter from a few kilobytes. */
    public static byte[] zipBomb() {
        char[] filler = new char[8 * 1024 * 1024];
        Arrays.fill(filler, 'a');
        return zip(new String[][] {
                {"[Content_Types].xml", contentTypes("application/xml", "/word/document.xml")},
                {"word/document.xml", "<w:document>" + new String(filler) + "</w:document>"}});
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String contentTypes(String mainType, String part) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"" + part
                + "\" ContentType=\"" + mainType + "\"/></Types>";
    }

    private static String rels(String target) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"" + target + "\"/></Relationships>";
    }

    private static byte[] zip(String[][] entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String[] entry : entries) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether {@code needle} occurs anywhere in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
