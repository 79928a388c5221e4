package cn.wushe.audit.internal;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The append-only record of chain heads outside the database ({@code wushe.audit.heads-dir}, default
 * {@code ${wushe.data-dir}/audit-heads}: outside {@code ./data/pg}, so a database superuser cannot
 * rewrite it through the database; point it at another disk or host for more). One line per lane and
 * shipment, tab-separated: time, chain, lane, head seq, head hash, first keyed seq ({@code -} while
 * the lane has no keyed entry).
 */
final class ShippedHeads {

    static final String FILE = "audit-heads.tsv";

    /** The furthest head shipped for one lane, and where the lane's keyed entries begin. */
    record Head(String chain, int lane, long seq, String hash, Instant shippedAt, @Nullable Long firstKeyedSeq) {

        String name() {
            return chain + "-" + lane;
        }
    }

    private final Path dir;

    ShippedHeads(Path dir) {
        this.dir = dir;
    }

    Path file() {
        return dir.resolve(FILE);
    }

    /** Appends one line per head; the file and its directory are its owner's only. */
    synchronized void append(List<Head> heads) {
        if (heads.isEmpty()) {
            return;
        }
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            Path file = file();
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                for (Head h : heads) {
                    w.write(line(h));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("audit.heads.write-failed", dir), e);
        }
    }

    static String line(Head h) {
        return h.shippedAt() + "\t" + h.chain() + "\t" + h.lane() + "\t" + h.seq() + "\t" + h.hash() + "\t"
                + (h.firstKeyedSeq() == null ? "-" : h.firstKeyedSeq());
    }

    /** Per lane name: the furthest head shipped, with the earliest first-keyed seq ever shipped for it. */
    Map<String, Head> latest() {
        Map<String, Head> latest = new HashMap<>();
        Path file = file();
        if (!Files.exists(file)) {
            return latest;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                String[] f = l.split("\t");
                if (f.length < 6) {
                    return;
                }
                Head h = new Head(f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), f[4], Instant.parse(f[0]),
                        "-".equals(f[5]) ? null : Long.valueOf(f[5]));
                latest.merge(h.name(), h, ShippedHeads::furthest);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("audit.heads.read-failed", file), e);
        }
        return latest;
    }

    private static Head furthest(Head a, Head b) {
        Head far = a.seq() >= b.seq() ? a : b;
        Long firstKeyed = a.firstKeyedSeq() == null ? b.firstKeyedSeq()
                : b.firstKeyedSeq() == null ? a.firstKeyedSeq() : Long.valueOf(Math.min(a.firstKeyedSeq(), b.firstKeyedSeq()));
        return new Head(far.chain(), far.lane(), far.seq(), far.hash(), far.shippedAt(), firstKeyed);
    }
}
