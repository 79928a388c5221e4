package cn.wushe.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, the registry of live sessions and the security settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class IdentityConfiguration {

    /**
     * Argon2id with 32 MiB and 2 passes: about 70 ms per hash on the 2-core test machine (late
     * 2026), above the OWASP minimum (19 MiB, 2 passes). Hashes made with weaker parameters are
     * upgraded at the next successful login.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 1 << 15, 2);
    }

    /** In memory: one application instance. Several instances would need Spring Session's registry. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }
}
