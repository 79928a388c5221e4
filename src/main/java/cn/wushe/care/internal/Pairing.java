package cn.wushe.care.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A 1+N+1 pairing (结对探访): a social worker and N volunteers with one person's household, with the
 * family's consent (who gave it, when, how). Any of them visiting counts toward the cycle.
 */
public record Pairing(UUID id, UUID personId, String countyCode, String regionCode, @Nullable UUID socialWorker,
        List<UUID> volunteers, String consentBy, LocalDate consentOn, ConsentHow consentHow, @Nullable String reason,
        boolean active, Instant createdAt, long version) {

    public Pairing {
        volunteers = List.copyOf(volunteers);
    }

    public enum ConsentHow {
        WRITTEN, ORAL, PHONE;

        public String label() {
            return cn.wushe.platform.Messages.text("care.consent." + name());
        }
    }
}
