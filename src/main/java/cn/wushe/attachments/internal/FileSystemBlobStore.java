package cn.wushe.attachments.internal;

import cn.wushe.attachments.BlobStore;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blobs as files {@code <directory>/ab/cd/<address>}: written to a temporary file in the same
 * directory and renamed into place, so a crash never leaves half a blob under its address.
 */
final class FileSystemBlobStore implements BlobStore {

    private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;

    FileSystemBlobStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path directory() {
        return directory;
    }

    @Override
    public void putIfAbsent(String address, byte[] sealed) throws IOException {
        Path target = pathOf(address);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
        try {
            Files.write(temporary, sealed);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<byte[]> get(String address) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(pathOf(address)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String address) {
        return Files.exists(pathOf(address));
    }

    @Override
    public void deleteIfPresent(String address) throws IOException {
        Files.deleteIfExists(pathOf(address));
    }

    /** Only a hex address becomes a path: nothing a request says can walk out of the directory. */
    private Path pathOf(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not a blob address");
        }
        return directory.resolve(address.substring(0, 2)).resolve(address.substring(2, 4)).resolve(address);
    }
}
