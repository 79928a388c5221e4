package cn.wushe.documents.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.Documents;
import cn.wushe.documents.IssuedDocument;
import cn.wushe.documents.PrintedContent;
import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.Actor;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Numbers, signs, renders, stores and audits documents; revokes them within the actor's scope. */
@Service
class DocumentIssuing implements Documents {

    static final int REASON_MAX = 200;

    private final Serials serials;
    private final CertificateRenderer renderer;
    private final IssuedDocuments issued;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final String baseUrl;

    DocumentIssuing(Serials serials, CertificateRenderer renderer, IssuedDocuments issued, FieldCipher cipher,
            JsonMapper json, AuditLog audit, Clock clock,
            @Value("${wushe.documents.public-base-url:http://localhost:8080}") String baseUrl) {
        this.serials = serials;
        this.renderer = renderer;
        this.issued = issued;
        this.cipher = cipher;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    @Transactional
    public IssuedDocument issue(Actor issuer, DocumentKind kind, String regionCode, PublicClaims claims,
            PrintedContent content) {
        if (!regionCode.matches("[0-9]{6,15}")) {
            throw new IllegalArgumentException("a document belongs to a region code of 6 to 15 digits: " + regionCode);
        }
        Instant now = clock.instant();
        LocalDate issuedOn = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
        String serial = serials.next();
        String url = baseUrl + "/verify/" + serials.token(serial);
        byte[] pdf = renderer.render(kind, serial, url, claims, content, issuedOn);
        issued.add(serial, kind.code(), regionCode, claims, cipher.encrypt(json.writeValueAsString(content)),
                issuer.id(), issuer.displayName(), now);
        audit.record(AuditEvent.success("DOCUMENT_ISSUE", "DOCUMENT", serial, regionCode).withDetail(kind.code()));
        return new IssuedDocument(serial, url, pdf);
    }

    @Override
    @Transactional
    public void revoke(Actor actor, String serial, String reason) {
        String why = Text.trimToNull(reason);
        if (why == null) {
            throw DomainException.invalid("reason", Messages.text("documents.revoke.reason-missing"));
        }
        if (why.length() > REASON_MAX) {
            throw DomainException.invalid("reason", Messages.text("documents.revoke.reason-too-long", REASON_MAX));
        }
        IssuedDocuments.Issued document = issued.find(serial,
                        ScopeFilter.predicate(actor, Permission.DOCUMENT_REVOKE, "county_code", "region_code"))
                .orElseThrow(() -> DomainException.notFound(Messages.text("documents.subject.document")));
        if (!issued.revoke(document.serial(), actor.id(), why, clock.instant())) {
            throw DomainException.conflict(ProblemType.DOCUMENT_REVOKED, "serial", Messages.text("documents.revoke.already"));
        }
        audit.record(AuditEvent.success("DOCUMENT_REVOKE", "DOCUMENT", serial, document.regionCode()).withReason(why));
    }
}
