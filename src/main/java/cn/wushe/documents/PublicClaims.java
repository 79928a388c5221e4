package cn.wushe.documents;

import cn.wushe.platform.personal.Masking;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a document states publicly: everything the verification page may show to whoever scans the
 * QR code, and nothing else. The holder's name is masked here, so no caller can publish it in clear.
 *
 * @param maskedHolder the holder's name as 张*明
 * @param facts        short statements, e.g. "2026年累计志愿服务 36 小时"; no identity numbers, phones or addresses
 * @param issuerUnit   the issuing unit, e.g. 蒲城县民政局
 * @param regionName   the region the document is about, e.g. 大荔县城关街道
 * @param validUntil   the last day the document is valid on, or {@code null} for no end
 */
public record PublicClaims(String maskedHolder, List<String> facts, String issuerUnit, String regionName,
        @Nullable LocalDate validUntil) {

    static final int MAX_FACTS = 6;
    static final int MAX_FACT_LENGTH = 60;

    public PublicClaims {
        facts = List.copyOf(facts);
        if (facts.size() > MAX_FACTS || facts.stream().anyMatch(f -> f.isBlank() || f.length() > MAX_FACT_LENGTH)) {
            throw new IllegalArgumentException("at most " + MAX_FACTS + " short facts");
        }
        if (issuerUnit.isBlank() || regionName.isBlank()) {
            throw new IllegalArgumentException("claims need the issuing unit and the region");
        }
    }

    /** Claims about {@code holderName}, masked on the way in. */
    public static PublicClaims about(String holderName, List<String> facts, String issuerUnit, String regionName,
            @Nullable LocalDate validUntil) {
        return new PublicClaims(Masking.name(holderName.strip()), facts, issuerUnit, regionName, validUntil);
    }
}
