package cn.wushe.region.imports;

import cn.wushe.platform.Messages;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * One set of the five tree files (provinces, cities, areas, streets, villages), each either gzipped
 * ({@code villages.csv.gz}) or plain ({@code villages.csv}): the files bundled in the application,
 * a directory, or any source of streams (tests). Files are always streamed, never held in memory.
 */
public final class RegionFiles {

    /** Opens one file by name, or returns {@code null} when the set has no such file. */
    @FunctionalInterface
    public interface Source {
        @Nullable InputStream open(String fileName) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private final String description;
    private final Source source;

    private RegionFiles(String description, Source source) {
        this.description = description;
        this.source = source;
    }

    /** The edition bundled under {@code classpath:regions/}: what the application imports at startup. */
    public static RegionFiles bundled() {
        return classpath("regions");
    }

    public static RegionFiles classpath(String folder) {
        ClassLoader loader = RegionFiles.class.getClassLoader();
        return new RegionFiles("classpath:" + folder, name -> loader.getResourceAsStream(folder + "/" + name));
    }

    public static RegionFiles directory(Path dir) {
        return new RegionFiles(dir.toString(), name -> {
            Path file = dir.resolve(name);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        });
    }

    public static RegionFiles of(String description, Source source) {
        return new RegionFiles(description, source);
    }

    @Override
    public String toString() {
        return description;
    }

    /** The name under which {@code file} exists in this set: the gzipped name if present. */
    String nameOf(TreeFile file) {
        try (InputStream gz = source.open(file.fileName() + ".gz")) {
            if (gz != null) {
                return file.fileName() + ".gz";
            }
        } catch (IOException e) {
            throw unreadable(file.fileName() + ".gz", e);
        }
        return file.fileName();
    }

    /** The file's CSV text, decompressed when gzipped. The caller closes it. */
    InputStream openCsv(TreeFile file) {
        String name = nameOf(file);
        InputStream raw = openRaw(name);
        try {
            return name.endsWith(".gz") ? new GZIPInputStream(raw, BUFFER) : new BufferedInputStream(raw, BUFFER);
        } catch (IOException e) {
            closeQuietly(raw);
            throw unreadable(name, e);
        }
    }

    /**
     * A checksum of the five files: per file its name, size and CRC-32C, in tree order. Equal
     * checksums mean the same edition, so a warm start skips the import after reading about 5 MB.
     * CRC-32C rather than a cryptographic digest: the files are our own, and the JVM computes it
     * at memory speed from the first call, while a digest runs interpreted in a cold JVM (0.3 s).
     */
    FileSetHash hash() {
        List<String> checksums = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        byte[] buffer = new byte[BUFFER];
        for (TreeFile file : TreeFile.values()) {
            String name = nameOf(file);
            CRC32C crc = new CRC32C();
            long size = 0;
            try (InputStream in = openRaw(name)) {
                for (int n; (n = in.read(buffer)) > 0; size += n) {
                    crc.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw unreadable(name, e);
            }
            checksums.add(name + ":" + size + ":" + Long.toHexString(crc.getValue()));
            sizes.add(name + " (" + size + " B)");
        }
        return new FileSetHash(String.join(",", checksums), String.join(", ", sizes));
    }

    private InputStream openRaw(String name) {
        try {
            InputStream in = source.open(name);
            if (in == null) {
                throw new RegionImportException(name, 0, Messages.text("region.import.file-missing", name, description));
            }
            return in;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private RegionImportException unreadable(String name, IOException e) {
        return new RegionImportException(name, 0, Messages.text("region.import.file-unreadable", name, e.getMessage()));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    /**
     * @param value per file name, size and CRC-32C: what a warm start compares
     * @param files the names and sizes, for a person reading {@code region.imports}
     */
    record FileSetHash(String value, String files) {
    }
}
