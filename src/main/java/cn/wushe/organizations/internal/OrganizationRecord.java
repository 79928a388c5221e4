package cn.wushe.organizations.internal;

import cn.wushe.organizations.OrganizationKind;
import cn.wushe.organizations.OrganizationSummary;
import cn.wushe.units.UnitId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One organization of the register as stored: the leader's identity number and phone only as
 * ciphertext, decrypted by {@link OrganizationView} for those who may see them masked.
 */
public record OrganizationRecord(UnitId id, String countyCode, String regionCode, OrganizationKind kind, String name,
        @Nullable String creditCode, @Nullable String filingNumber, @Nullable String communityType,
        @Nullable Integer members, @Nullable String charter, List<String> fields, String leaderName,
        @Nullable String leaderIdCipher, @Nullable String leaderPhoneCipher, PartyStatus partyStatus,
        @Nullable Integer grade, @Nullable LocalDate gradeValidUntil, boolean active, @Nullable String deregisteredReason,
        boolean abnormal, long version, Instant createdAt) {

    /** 党组织建设情况 */
    public enum PartyStatus {
        NONE, SINGLE, JOINT;

        public String label() {
            return cn.wushe.platform.Messages.text("organizations.party." + name());
        }
    }

    public OrganizationSummary summary() {
        return new OrganizationSummary(id, name, kind, regionCode, countyCode, grade, gradeValidUntil, active, abnormal);
    }
}
