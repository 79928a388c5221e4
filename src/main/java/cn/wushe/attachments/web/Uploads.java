package cn.wushe.attachments.web;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** The bytes of a multipart upload; its declared content type is never read (the content decides). */
final class Uploads {

    private Uploads() {
    }

    static byte[] bytesOf(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", Messages.text("attachments.refused.no-file"));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String nameOf(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null ? "" : name;
    }
}
