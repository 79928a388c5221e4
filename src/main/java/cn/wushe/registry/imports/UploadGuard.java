package cn.wushe.registry.imports;

import cn.wushe.platform.ProblemType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Decides whether an uploaded file may be handed to the XLSX reader at all (security check 29): its
 * size, its type sniffed from the bytes (never the name), and its ZIP entries inflated once in a
 * stream with the entry count, the total inflated size and each entry's inflate ratio measured as
 * the bytes come (headers are not trusted), XML parts scanned for DOCTYPE/ENTITY, and the central
 * directory cross-checked against what was actually inflated.
 */
final class UploadGuard {

    static final String NOT_XLSX = "文件内容不是 Excel 工作簿（.xlsx）。请下载导入模板，在 Excel 或 WPS 中填写后保存为 .xlsx 再上传";
    private static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private final ImportLimits limits;

    UploadGuard(ImportLimits limits) {
        this.limits = limits;
    }

    /** What the inspection learnt: the largest worksheet's {@code <row>} count, for the row cap and progress. */
    record Inspection(long sheetRows) {
    }

    /** @throws RosterFileException with a precise Chinese message; nothing is read further */
    Inspection inspect(Path file) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxUploadBytes()) {
            throw RosterFileException.tooLarge(limits.maxUploadBytes());
        }
        if (size == 0) {
            throw new RosterFileException("上传的文件是空的（0 字节），请选择填写好的 .xlsx 文件");
        }
        sniff(file);
        Map<String, Long> inflated = new HashMap<>();
        long sheetRows = scanEntries(file, inflated);
        if (!inflated.containsKey("[Content_Types].xml") || !inflated.containsKey("xl/workbook.xml")) {
            throw new RosterFileException(ProblemType.NOT_XLSX,
                    "文件是 ZIP 压缩包，但不是 Excel 工作簿（缺少 [Content_Types].xml 或 xl/workbook.xml）。" + NOT_XLSX.substring(NOT_XLSX.indexOf('请')));
        }
        crossCheck(file, inflated);
        if (sheetRows > limits.maxRows() + 2L) {
            throw new RosterFileException("工作表约有 " + sheetRows + " 行，超过单次导入 " + limits.maxRows() + " 行的上限，请分成几个文件分批导入");
        }
        return new Inspection(sheetRows);
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
        throw new RosterFileException(ProblemType.NOT_XLSX, describe(head, n) + NOT_XLSX);
    }

    private static String describe(byte[] head, int n) {
        if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && head[2] == 0x11 && (head[3] & 0xFF) == 0xE0) {
            return "这是旧版 Excel（.xls）或加密的工作簿，不能直接导入：请另存为 .xlsx（不设密码）。";
        }
        if (n >= 4 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "文件内容是 PNG 图片。";
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "文件内容是 JPEG 图片。";
        }
        if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return "文件内容是 PDF 文档。";
        }
        if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
            return "文件是不完整或损坏的压缩包。";
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
                    throw new RosterFileException("文件中的压缩条目超过 " + limits.maxEntries() + " 个，不是正常的 Excel 工作簿，拒绝读取");
                }
                String name = entry.getName();
                if (inflated.containsKey(name)) {
                    throw new RosterFileException("文件中有重名的压缩条目（" + name + "），文件可能被篡改，拒绝读取");
                }
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                XmlPartScanner scanner = xml ? new XmlPartScanner(name) : null;
                long size = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (total > limits.maxUncompressedBytes()) {
                        throw new RosterFileException("文件解压后超过 " + limits.maxUncompressedBytes() / (1024 * 1024)
                                + " MB，疑似压缩炸弹（zip bomb），拒绝读取");
                    }
                    // compressed bytes actually consumed so far, not what a header claims
                    long compressed = Math.max(1, zip.getCompressedCount());
                    if (size > RATIO_GRACE_BYTES && size > compressed * limits.maxRatio()) {
                        throw new RosterFileException("文件中的条目（" + name + "）压缩比超过 " + limits.maxRatio()
                                + " 倍，疑似压缩炸弹（zip bomb），拒绝读取");
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
        } catch (RosterFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RosterFileException("文件已损坏，无法作为 .xlsx 读取（压缩数据有误）。请用 Excel 或 WPS 重新保存后上传");
        }
        if (inflated.isEmpty()) {
            throw new RosterFileException("文件已损坏，压缩包中没有任何内容。请用 Excel 或 WPS 重新保存后上传");
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
                    throw new RosterFileException("文件的压缩目录与内容不一致（" + e.getName() + "），文件可能被篡改，拒绝读取");
                }
            }
        } catch (IOException e) {
            throw new RosterFileException("文件已损坏，无法作为 .xlsx 读取（压缩目录有误）。请用 Excel 或 WPS 重新保存后上传");
        }
        if (entries != inflated.size()) {
            throw new RosterFileException("文件的压缩目录与内容不一致，文件可能被篡改，拒绝读取");
        }
    }
}
