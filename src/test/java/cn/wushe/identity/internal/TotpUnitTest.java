package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B test vectors (SHA-1, eight digits) and the rules around them. */
class TotpUnitTest {

    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} → {1}")
    @CsvSource({"59,94287082", "1111111109,07081804", "1111111111,14050471", "1234567890,89005924",
        "2000000000,69279037", "20000000000,65353130"})
    void matchesTheRfcVectors(long seconds, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcValue() {
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepOfDriftButNeverTheSameStepTwice() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.stepAt(now);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsWithoutPadding() {
        byte[] secret = Totp.newSecret();
        String text = Totp.base32(secret);
        assertThat(text).doesNotContain("=").hasSize(32);
        assertThat(Totp.fromBase32(text.toLowerCase())).isEqualTo(secret);
        assertThat(Totp.uri("五社联动", "sysadmin", RFC_SECRET))
                .startsWith("otpauth://totp/%E4%BA%94").contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "period=30");
    }
}
