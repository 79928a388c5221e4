package cn.wushe.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.Signatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignaturesUnitTest {

    static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    @Test
    void aSignatureVerifiesOnlyForItsMessagePurposeAndKey() {
        Signatures signatures = new HmacSm3Signatures(KEY);
        String signature = signatures.sign("document", "K7QM-3XNA-9DPE-W2HT");

        assertThat(signature).matches("[A-Za-z0-9_-]{22}");
        assertThat(signatures.verify("document", "K7QM-3XNA-9DPE-W2HT", signature)).isTrue();
        assertThat(signatures.verify("document", "K7QM-3XNA-9DPE-W2HV", signature)).isFalse();
        assertThat(signatures.verify("receipt", "K7QM-3XNA-9DPE-W2HT", signature)).isFalse();
        assertThat(new HmacSm3Signatures(HexFormat.of().parseHex("ff112233445566778899aabbccddeeff"))
                .verify("document", "K7QM-3XNA-9DPE-W2HT", signature)).isFalse();
        assertThat(signatures.verify("document", "K7QM-3XNA-9DPE-W2HT", signature.substring(1))).isFalse();
        assertThat(signatures.verify("document", "K7QM-3XNA-9DPE-W2HT", "not base64 !")).isFalse();
        assertThat(signatures.verify("document", "K7QM-3XNA-9DPE-W2HT", "")).isFalse();
        // the last of 22 characters carries 2 bits; its other spellings decode alike but are refused
        char last = signature.charAt(21);
        String respelled = signature.substring(0, 21) + (char) (last ^ 1);
        assertThat(signatures.verify("document", "K7QM-3XNA-9DPE-W2HT", respelled)).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new HmacSm3Signatures(new byte[8])).isInstanceOf(IllegalStateException.class);
    }
}
