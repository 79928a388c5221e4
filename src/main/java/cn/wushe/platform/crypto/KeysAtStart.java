package cn.wushe.platform.crypto;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the key ring as the application starts instead of at the first encryption: a master key
 * that cannot unwrap the data keys, or a clear key file left in {@code ./data}, stops the start
 * rather than the first request; and a master-key rotation (new key first in the key file, the old
 * one after it) completes now, by re-wrapping the data keys under the new key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeysAtStart implements ApplicationRunner {

    private final KeyRing keyRing;

    KeysAtStart(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @Override
    public void run(ApplicationArguments args) {
        keyRing.primaryVersion();
    }
}
