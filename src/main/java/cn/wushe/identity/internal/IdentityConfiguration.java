package cn.wushe.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
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

    /**
     * The sessions live in PostgreSQL (Spring Session JDBC, table {@code identity.spring_session}):
     * a restart signs nobody out, and every node sees — and can end — every session. Without a
     * session repository (tests through MockMvc, which carry their own sessions) the container's
     * sessions are tracked in memory.
     */
    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        return sessions == null ? new SessionRegistryImpl() : new SpringSessionBackedSessionRegistry<>(sessions);
    }
}
