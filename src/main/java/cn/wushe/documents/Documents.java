package cn.wushe.documents;

import cn.wushe.platform.Actor;

/**
 * Issues and revokes documents with QR codes. The calling module decides who may have a document
 * (its own permission check); this service numbers, signs, renders, stores and audits it.
 */
public interface Documents {

    /**
     * Issues a document in the caller's transaction (audited as {@code DOCUMENT_ISSUE}).
     *
     * @param issuer     the acting user, recorded as the issuer (a resident for a self-service proof)
     * @param regionCode the region the document belongs to: revocation is scoped by it
     */
    IssuedDocument issue(Actor issuer, DocumentKind kind, String regionCode, PublicClaims claims, PrintedContent content);

    /**
     * Revokes an issued document; its verification page says 已撤销 from then on. Needs
     * {@code DOCUMENT_REVOKE} over the document's region: outside it the serial is not found.
     */
    void revoke(Actor actor, String serial, String reason);
}
