package cn.wushe.units.web;

import cn.wushe.units.internal.UnitManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The unit web tests' common ground: MockMvc over the fixture units, each test rolled back. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UnitWebIntegrationTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void units(@Autowired UnitManagement management) {
        UnitFixtures.create(management);
    }

    long version(cn.wushe.units.UnitId id) {
        return jdbc.sql("select version from units.units where id = :id").param("id", id.value()).query(Long.class).single();
    }
}
