package cn.wushe.attachments;

import java.io.IOException;
import java.util.Optional;

/**
 * Where encrypted attachment content lies, by address (a keyed hash of the plaintext, lower-case
 * hex). The store only sees ciphertext; encryption and addressing happen before it. The default is
 * the filesystem under {@code wushe.attachments.directory}; an S3-compatible store implements the
 * same four methods and is selected by declaring it as a bean (see the README).
 */
public interface BlobStore {

    /** Stores the bytes under the address unless something is there already (equal content dedupes); atomic. */
    void putIfAbsent(String address, byte[] sealed) throws IOException;

    Optional<byte[]> get(String address) throws IOException;

    boolean exists(String address) throws IOException;

    /** Removes the bytes under the address, if any: an erased attachment's content no other one shares. */
    void deleteIfPresent(String address) throws IOException;
}
