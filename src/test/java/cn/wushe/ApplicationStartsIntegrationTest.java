package cn.wushe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void connectsToRealPostgresAsTheLowPrivilegeRole() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("wushe_app");
    }
}
