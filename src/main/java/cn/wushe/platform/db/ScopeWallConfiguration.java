package cn.wushe.platform.db;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link ScopeWall} unless {@code wushe.db.row-level-security=false}. */
@Configuration(proxyBeanMethods = false)
class ScopeWallConfiguration {

    @Bean
    @ConditionalOnProperty(name = "wushe.db.row-level-security", havingValue = "true", matchIfMissing = true)
    static ScopeWall.Wrapper scopeWallWrapper() {
        return new ScopeWall.Wrapper();
    }

    @Bean
    ScopeWall scopeWall(DataSource dataSource) {
        return new ScopeWall(dataSource);
    }
}
