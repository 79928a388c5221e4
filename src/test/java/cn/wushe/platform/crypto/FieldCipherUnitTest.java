package cn.wushe.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.FieldCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherUnitTest {

    static final String K1 = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
    static final String K2 = Base64.getEncoder().encodeToString("fedcba9876543210".getBytes());
    static final String INDEX_KEY = "00112233445566778899aabbccddeeff";

    static FieldCipher cipher(int primary) {
        return new Sm4GcmFieldCipher(CryptoConfiguration.ring(Map.of(1, K1, 2, K2), primary, INDEX_KEY));
    }

    @Test
    void roundTripsChineseTextUnderTheVersionedFormat() {
        FieldCipher cipher = cipher(1);
        String stored = cipher.encrypt("高血压，独居，左腿残疾");

        assertThat(stored).startsWith("v1:").doesNotContain("高血压");
        assertThat(cipher.decrypt(stored)).isEqualTo("高血压，独居，左腿残疾");
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        FieldCipher cipher = cipher(1);

        assertThat(cipher.encrypt("13812345678")).isNotEqualTo(cipher.encrypt("13812345678"));
    }

    @Test
    void valuesUnderAnOlderKeyStillDecryptAfterRotation() {
        String underV1 = cipher(1).encrypt("610527198001010014");
        FieldCipher rotated = cipher(2);

        assertThat(rotated.versionOf(underV1)).isEqualTo(1);
        assertThat(rotated.decrypt(underV1)).isEqualTo("610527198001010014");
        assertThat(rotated.encrypt("x")).startsWith("v2:");
    }

    @Test
    void detectsTamperedCiphertext() {
        FieldCipher cipher = cipher(1);
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt("13812345678").substring(3));
        raw[14] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).hasMessageContaining("校验失败");
    }

    @Test
    void blindIndexIsStableKeyedAndSeparatedByPurpose() {
        var ring = CryptoConfiguration.ring(Map.of(1, K1), 1, INDEX_KEY);
        var index = new HmacSm3BlindIndex(ring);
        var otherKey = new HmacSm3BlindIndex(CryptoConfiguration.ring(Map.of(1, K1), 1, INDEX_KEY.replace('0', '1')));

        assertThat(index.of("id-number", "610527198001010014")).hasSize(64)
                .isEqualTo(index.of("id-number", "610527198001010014"))
                .isNotEqualTo(index.of("phone", "610527198001010014"))
                .isNotEqualTo(otherKey.of("id-number", "610527198001010014"));
    }

    @Test
    void aGeneratedMasterKeyIsWrittenOnceReadableOnlyByItsOwner(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/master.key");
        MasterKeys first = MasterKeys.generatedFor(file, "Test");
        MasterKeys second = MasterKeys.generatedFor(file, "Test");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String wrapped = first.wrap("field", 1, Base64.getDecoder().decode(K1));
        assertThat(second.unwrap(first.primaryId(), wrapped, "field", 1)).isEqualTo(Base64.getDecoder().decode(K1));
        assertThatThrownBy(() -> second.unwrap(first.primaryId(), wrapped, "field", 2))
                .as("a wrapped key is bound to its purpose and version").hasMessageContaining("无法用主密钥");
        assertThat(first.toString()).doesNotContain(Files.readString(file).lines()
                .filter(l -> l.startsWith("1:")).findFirst().orElseThrow().substring(2));
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> CryptoConfiguration.ring(Map.of(1, Base64.getEncoder().encodeToString(new byte[8])), 1, INDEX_KEY))
                .hasMessageContaining("128 位");
    }
}
