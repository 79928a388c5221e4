package cn.wushe.documents.web;

import cn.wushe.documents.Documents;
import cn.wushe.platform.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issued documents: revocation by DOCUMENT_REVOKE within the document's county (others get 404). */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentApi {

    private final Documents documents;

    DocumentApi(Documents documents) {
        this.documents = documents;
    }

    /** @param reason why the document no longer holds (shown to administrators, never on the public page) */
    record RevocationRequest(@Nullable String reason) {
    }

    @PostMapping("/{serial}/revocation")
    @PreAuthorize("hasAuthority('DOCUMENT_REVOKE')")
    @Operation(summary = "撤销已签发的证明（扫码核验将显示「已撤销」；撤销原因必填，不在公开页面显示）")
    ResponseEntity<Void> revoke(@PathVariable String serial, @RequestBody RevocationRequest request) {
        documents.revoke(CurrentActor.get(), serial, request.reason() == null ? "" : request.reason());
        return ResponseEntity.noContent().build();
    }
}
