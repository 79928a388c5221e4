package cn.wushe.registry.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Run mode for key rotation: start a second instance with {@code --wushe.registry.reencrypt=true
 * --spring.main.web-application-type=none} after making the new key version primary (in both
 * instances' configuration); it rewrites every value under the new key and stops, while the serving
 * instance goes on reading old and new versions alike.
 */
@Component
@ConditionalOnBooleanProperty("wushe.registry.reencrypt")
class ReEncryptionRunner implements ApplicationRunner {

    private final ReEncryption reEncryption;

    ReEncryptionRunner(ReEncryption reEncryption) {
        this.reEncryption = reEncryption;
    }

    @Override
    public void run(ApplicationArguments args) {
        reEncryption.run();
    }
}
