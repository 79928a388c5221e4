package cn.wushe.platform.files;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Decides whether an uploaded spreadsheet may be handed to the XLSX reader at all (security check 29): its
 * size, its type sniffed from the bytes (never the name), and its ZIP entries inflated once in a
 * stream with the entry count, the total inflated size and each entry's inflate ratio measured as
 * the bytes come (headers are not trusted), XML parts scanned for DOCTYPE/ENTITY, and the central
 * directory cross-checked against what was actually inflated.
 */
public final class UploadGuard {

    private static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private final UploadLimits limits;

    public UploadGuard(UploadLimits limits) {
        this.limits = limits;
    }

    /** What the inspection learnt: the largest worksheet's {@code <row>} count, for the row cap and progress. */
    public record Inspection(long sheetRows) {
    }

    /** @throws RejectedFile with a precise Chinese message; nothing is read further */
    public Inspection inspect(Path file) throws IOException {
        admit(file);
        Map<String, Long> inflated = new HashMap<>();
        long sheetRows = scanEntries(file, inflated);
        if (!inflated.containsKey("[Content_Types].xml") || !inflated.containsKey("xl/workbook.xml")) {
            throw new RejectedFile(ProblemType.NOT_XLSX, Messages.text("platform.upload.zip-not-workbook"));
        }
        crossCheck(file, inflated);
        if (sheetRows > limits.maxRows() + 2L) {
            throw new RejectedFile(Messages.text("platform.upload.too-many-rows", sheetRows, limits.maxRows()));
        }
        return new Inspection(sheetRows);
    }

    /**
     * The same size, ZIP-bomb, XXE and central-directory checks for any Office Open XML package (a
     * Word .docx as well as an Excel .xlsx), without the workbook's own rules; the caller tells the
     * kind from the part names.
     *
     * @return the names of the package's parts, e.g. {@code word/document.xml}
     * @throws RejectedFile with a precise Chinese message
     */
    public Set<String> inspectPackage(Path file) throws IOException {
        admit(file);
        Map<String, Long> inflated = new HashMap<>();
        scanEntries(file, inflated);
        crossCheck(file, inflated);
        return Set.copyOf(inflated.keySet());
    }

    private void admit(Path file) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxUploadBytes()) {
            throw RejectedFile.tooLarge(limits.maxUploadBytes());
        }
        if (size == 0) {
            throw new RejectedFile(Messages.text("platform.upload.empty"));
        }
        sniff(file);
    }

    private static void sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return;
        }
        throw new RejectedFile(ProblemType.NOT_XLSX, describe(head, n) + Messages.text("platform.upload.not-xlsx"));
    }

    private static String describe(byte[] head, int n) {
        if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && head[2] == 0x11 && (head[3] & 0xFF) == 0xE0) {
            return Messages.text("platform.upload.sniffed.xls");
        }
        if (n >= 4 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Messages.text("platform.upload.sniffed.png");
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Messages.text("platform.upload.sniffed.jpeg");
        }
        if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return Messages.text("platform.upload.sniffed.pdf");
        }
        if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
            return Messages.text("platform.upload.sniffed.broken-zip");
        }
        return "";
    }

    private long scanEntries(Path file, Map<String, Long> inflated) throws IOException {
        long total = 0;
        long sheetRows = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new BufferedInputStream(Files.newInputStream(file)),
                "UTF-8", false, true)) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (inflated.size() >= limits.maxEntries()) {
                    throw new RejectedFile(Messages.text("platform.upload.too-many-entries", limits.maxEntries()));
                }
                String name = entry.getName();
                if (inflated.containsKey(name)) {
                    throw new RejectedFile(Messages.text("platform.upload.duplicate-entry", name));
                }
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                XmlPartScanner scanner = xml ? new XmlPartScanner(name) : null;
                long size = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (total > limits.maxUncompressedBytes()) {
                        throw new RejectedFile(Messages.text("platform.upload.inflated-too-large",
                                limits.maxUncompressedBytes() / (1024 * 1024)));
                    }
                    // compressed bytes actually consumed so far, not what a header claims
                    long compressed = Math.max(1, zip.getCompressedCount());
                    if (size > RATIO_GRACE_BYTES && size > compressed * limits.maxRatio()) {
                        throw new RejectedFile(Messages.text("platform.upload.ratio-too-high", name, limits.maxRatio()));
                    }
                    if (scanner != null) {
                        scanner.feed(buffer, read);
                    }
                }
                inflated.put(name, size);
                if (scanner != null) {
                    sheetRows = Math.max(sheetRows, scanner.rows());
                }
            }
        } catch (RejectedFile e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RejectedFile(Messages.text("platform.upload.corrupt-data"));
        }
        if (inflated.isEmpty()) {
            throw new RejectedFile(Messages.text("platform.upload.no-content"));
        }
        return sheetRows;
    }

    /** The reader follows the central directory; it must list exactly what was inflated above, at the same sizes. */
    private static void crossCheck(Path file, Map<String, Long> inflated) {
        int entries = 0;
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            Enumeration<ZipArchiveEntry> all = zip.getEntries();
            while (all.hasMoreElements()) {
                ZipArchiveEntry e = all.nextElement();
                entries++;
                Long size = inflated.get(e.getName());
                if (size == null || size != e.getSize()) {
                    throw new RejectedFile(Messages.text("platform.upload.directory-mismatch-entry", e.getName()));
                }
            }
        } catch (IOException e) {
            throw new RejectedFile(Messages.text("platform.upload.corrupt-directory"));
        }
        if (entries != inflated.size()) {
            throw new RejectedFile(Messages.text("platform.upload.directory-mismatch"));
        }
    }
}
