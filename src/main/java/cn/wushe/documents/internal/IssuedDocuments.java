package cn.wushe.documents.internal;

import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The store of issued documents ({@code documents.issued_documents}). */
@Repository
class IssuedDocuments {

    /** One issued document as verification and revocation need it (the printed content stays encrypted). */
    record Issued(String serial, String kind, String regionCode, PublicClaims claims, Instant issuedAt,
            @Nullable Instant revokedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IssuedDocuments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(String serial, String kind, String regionCode, PublicClaims claims, String encryptedContent, UUID issuerId,
            String issuerName, Instant issuedAt) {
        jdbc.sql("""
                insert into documents.issued_documents (county_code, serial, kind, region_code, claims, printed_content,
                    issuer_id, issuer_name, issued_at)
                values (:county, :serial, :kind, :region, cast(:claims as jsonb), :content, :issuer, :issuerName, :at)
                """)
                .param("county", regionCode.substring(0, 6)).param("serial", serial).param("kind", kind)
                .param("region", regionCode).param("claims", json.writeValueAsString(claims))
                .param("content", encryptedContent).param("issuer", issuerId).param("issuerName", issuerName)
                .param("at", Timestamp.from(issuedAt)).update();
    }

    /** For the public page: the signed serial is the only key, no actor's scope applies. */
    Optional<Issued> bySignedSerial(String serial) {
        return find(serial, ScopeFilter.unscoped("public verification of a serial whose signature was checked"));
    }

    Optional<Issued> find(String serial, SqlPredicate scope) {
        return jdbc.sql("select serial, kind, region_code, claims::text, issued_at, revoked_at"
                        + " from documents.issued_documents where serial = :serial and " + scope.sql())
                .params(scope.params()).param("serial", serial)
                .query((rs, i) -> new Issued(rs.getString(1), rs.getString(2), rs.getString(3),
                        json.readValue(rs.getString(4), PublicClaims.class), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** @return whether this call revoked it (false when it was revoked already) */
    boolean revoke(String serial, UUID by, String reason, Instant at) {
        return jdbc.sql("""
                update documents.issued_documents set revoked_at = :at, revoked_by = :by, revocation_reason = :reason
                where serial = :serial and revoked_at is null
                """)
                .param("at", Timestamp.from(at)).param("by", by).param("reason", reason).param("serial", serial)
                .update() == 1;
    }
}
