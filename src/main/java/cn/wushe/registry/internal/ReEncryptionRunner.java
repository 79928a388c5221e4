package cn.wushe.registry.internal;

import cn.wushe.platform.DataKeyRotation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Run mode for key rotation: start a second instance with {@code --wushe.registry.reencrypt=true
 * --spring.main.web-application-type=none}, with {@code --wushe.registry.new-data-key=true} to
 * create the next field data key in the envelope first ({@link DataKeyRotation}); it rewrites every
 * value under the primary key and stops, while the serving instance goes on reading old and new
 * versions alike (it loads a new version when it first meets one).
 */
@Component
@ConditionalOnBooleanProperty("wushe.registry.reencrypt")
class ReEncryptionRunner implements ApplicationRunner {

    private final ReEncryption reEncryption;
    private final DataKeyRotation rotation;
    private final boolean newDataKey;

    ReEncryptionRunner(ReEncryption reEncryption, DataKeyRotation rotation,
            @Value("${wushe.registry.new-data-key:false}") boolean newDataKey) {
        this.reEncryption = reEncryption;
        this.rotation = rotation;
        this.newDataKey = newDataKey;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (newDataKey) {
            rotation.newFieldKey();
        }
        reEncryption.run();
    }
}
