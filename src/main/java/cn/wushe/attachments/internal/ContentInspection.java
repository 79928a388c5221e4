package cn.wushe.attachments.internal;

import cn.wushe.attachments.AttachmentKind;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.files.UploadGuard;
import cn.wushe.platform.files.UploadLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides what an upload is from its bytes and whether it may be attached: the magic numbers pick
 * the kind (JPEG, PNG, WebP when readable, PDF, Word/Excel by their parts); a name whose extension
 * claims another type is refused as a lie; each kind has its size limit; Office packages go through
 * the platform's {@link UploadGuard} (zip bomb, XXE, directory cross-check); images are re-encoded.
 */
final class ContentInspection {

    /** What may be stored: the bytes to serve, and for images a thumbnail and the dimensions. */
    record Inspected(AttachmentKind kind, String fileName, byte[] served, byte @Nullable [] thumbnail,
            @Nullable Integer width, @Nullable Integer height) {
    }

    private static final Map<String, Sniffed> EXTENSIONS = Map.ofEntries(
            Map.entry("jpg", Sniffed.JPEG), Map.entry("jpeg", Sniffed.JPEG), Map.entry("jpe", Sniffed.JPEG),
            Map.entry("jfif", Sniffed.JPEG), Map.entry("png", Sniffed.PNG), Map.entry("webp", Sniffed.WEBP),
            Map.entry("pdf", Sniffed.PDF), Map.entry("docx", Sniffed.ZIP), Map.entry("xlsx", Sniffed.ZIP));
    private static final int MAX_NAME = 120;
    private static final int OFFICE_MAX_ENTRIES = 2000;
    private static final int OFFICE_MAX_RATIO = 100;

    private final AttachmentProperties limits;
    private final ImageReencoding images;
    private final UploadGuard officeGuard;

    ContentInspection(AttachmentProperties limits) {
        this.limits = limits;
        this.images = new ImageReencoding(limits);
        this.officeGuard = new UploadGuard(new UploadLimits(limits.maxOfficeBytes(), OFFICE_MAX_ENTRIES,
                limits.maxOfficeBytes() * 10, OFFICE_MAX_RATIO, Integer.MAX_VALUE - 2));
    }

    /** @throws RefusedAttachment saying what the file is and why it is refused */
    Inspected inspect(String uploadedName, byte[] bytes) {
        if (bytes.length == 0) {
            throw RefusedAttachment.content(Messages.text("attachments.refused.empty"));
        }
        Sniffed sniffed = Sniffed.of(bytes);
        String name = sanitizedName(uploadedName);
        String extension = extension(name);
        switch (sniffed) {
            case JPEG, PNG, WEBP -> {
                checkName(name, extension, sniffed, sniffed.label());
                checkSize(bytes, limits.maxImageBytes(), sniffed.label());
                if (sniffed == Sniffed.WEBP && !ImageReencoding.readsWebp()) {
                    throw RefusedAttachment.type(Messages.text("attachments.refused.webp"));
                }
                ImageReencoding.Reencoded image = images.reencode(bytes, sniffed);
                return new Inspected(image.kind(), withExtension(name, extension, image.kind()), image.served(),
                        image.thumbnail(), image.width(), image.height());
            }
            case PDF -> {
                checkName(name, extension, sniffed, AttachmentKind.PDF.label());
                checkSize(bytes, limits.maxPdfBytes(), AttachmentKind.PDF.label());
                checkPdfComplete(bytes);
                return document(AttachmentKind.PDF, name, extension, bytes);
            }
            case ZIP -> {
                checkSize(bytes, limits.maxOfficeBytes(), Messages.text("attachments.kind.office"));
                AttachmentKind kind = officeKind(bytes);
                checkName(name, extension, sniffed, kind.label());
                if (extension != null && !extension.equals(kind.extension())) {
                    throw RefusedAttachment.type(Messages.text("attachments.refused.name-lies", name, kind.label()));
                }
                return document(kind, name, extension, bytes);
            }
            default -> throw RefusedAttachment.type(Messages.text("attachments.refused.not-accepted", sniffed.label()));
        }
    }

    private static Inspected document(AttachmentKind kind, String name, @Nullable String extension, byte[] bytes) {
        return new Inspected(kind, withExtension(name, extension, kind), bytes, null, null, null);
    }

    /** A name may refuse a file (it claims another type) but never admits one: the content decided already. */
    private static void checkName(String name, @Nullable String extension, Sniffed sniffed, String label) {
        if (extension != null && EXTENSIONS.get(extension) != sniffed) {
            throw RefusedAttachment.type(Messages.text("attachments.refused.name-lies", name, label));
        }
    }

    private static void checkSize(byte[] bytes, long max, String label) {
        if (bytes.length > max) {
            throw new RefusedAttachment(ProblemType.UPLOAD_TOO_LARGE,
                    Messages.text("attachments.refused.too-large", label, Math.max(1, max / (1024 * 1024))));
        }
    }

    /** A PDF cut off in transfer has no end-of-file marker near its end; a reader would show it half or not at all. */
    private static void checkPdfComplete(byte[] bytes) {
        int from = Math.max(0, bytes.length - 1024);
        String tail = new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw RefusedAttachment.content(Messages.text("attachments.refused.pdf-incomplete"));
        }
    }

    private AttachmentKind officeKind(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("attachment-", ".zip");
            Files.write(file, bytes);
            Set<String> parts = officeGuard.inspectPackage(file);
            if (parts.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
                throw RefusedAttachment.type(Messages.text("attachments.refused.macros"));
            }
            if (parts.contains("[Content_Types].xml") && parts.contains("word/document.xml")) {
                return AttachmentKind.DOCX;
            }
            if (parts.contains("[Content_Types].xml") && parts.contains("xl/workbook.xml")) {
                return AttachmentKind.XLSX;
            }
            throw RefusedAttachment.type(Messages.text("attachments.refused.zip-not-office"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temp directory is cleaned by the system; nothing personal is in clear beyond this request
                }
            }
        }
    }

    /** The last path segment, without control or reserved characters, at most 120 characters with its extension. */
    static String sanitizedName(@Nullable String uploaded) {
        String name = uploaded == null ? "" : uploaded;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && "\"<>:|?*;%".indexOf(c) < 0
                && Character.getType(c) != Character.FORMAT).forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            name = Messages.text("attachments.file.default-name");
        }
        if (name.length() > MAX_NAME) {
            String ext = extension(name);
            String tail = ext == null || ext.length() > 10 ? "" : "." + ext;
            name = name.substring(0, MAX_NAME - tail.length()) + tail;
        }
        return name;
    }

    static @Nullable String extension(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        // "家访 2026.12.06" has no extension: only a short word starting with a letter names a type
        return ext.matches("[a-z][a-z0-9]{1,4}") ? ext : null;
    }

    /** The served file's name ends in what is served (a WebP photo is served as PNG; a name without extension gains one). */
    private static String withExtension(String name, @Nullable String extension, AttachmentKind kind) {
        if (extension != null && EXTENSIONS.get(extension) != null && (kind.extension().equals(extension)
                || kind == AttachmentKind.JPEG && EXTENSIONS.get(extension) == Sniffed.JPEG)) {
            return name;
        }
        String base = extension == null ? name : name.substring(0, name.length() - extension.length() - 1);
        return base + "." + kind.extension();
    }
}
