package cn.wushe.audit.internal;

import cn.wushe.platform.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ships the audit chain heads (its own configuration, so the properties bind without a database). */
@Configuration(proxyBeanMethods = false)
class HeadShippingConfiguration {

    @Bean
    ShippedHeads shippedHeads(AuditProperties properties, Environment env) {
        String dir = properties.headsDir().isBlank()
                ? Path.of(env.getProperty("wushe.data-dir", "./data"), "audit-heads").toString() : properties.headsDir();
        return new ShippedHeads(Path.of(dir).toAbsolutePath().normalize());
    }

    @Bean
    HeadShipper headShipper(JdbcClient jdbc, ShippedHeads heads, Clock clock, AuditProperties properties) {
        if (properties.headInterval().compareTo(Duration.ofMinutes(1)) > 0 || properties.headInterval().isNegative()
                || properties.headInterval().isZero()) {
            throw new IllegalStateException(Messages.text("audit.heads.interval-too-long"));
        }
        return new HeadShipper(jdbc, heads, clock, properties.headInterval());
    }
}
