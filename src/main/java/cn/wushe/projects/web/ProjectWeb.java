package cn.wushe.projects.web;

import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.IssuedDocument;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the API and the pages of projects share: reading an id from a path, sending a PDF. */
final class ProjectWeb {

    private ProjectWeb() {
    }

    /** A path id; anything else is a field refusal, never a 500. */
    static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("id", Messages.text("projects.id-invalid"));
        }
    }

    /** An issued document as a download named after its kind and serial. */
    static ResponseEntity<byte[]> pdf(IssuedDocument doc, DocumentKind kind) {
        String name = URLEncoder.encode(doc.fileName(kind), StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name).body(doc.pdf());
    }
}
