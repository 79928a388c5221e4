package cn.wushe.audit;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** What the audit chain tests share: the log, its verification, and a county chain of each test's own. */
abstract class AuditChainTestBase {

    @Autowired
    AuditLog log;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    @Autowired
    PlatformTransactionManager transactions;

    AuditFixture fixture;
    String county;

    @BeforeEach
    void ownChain() {
        fixture = new AuditFixture(log, jdbc, env);
        county = fixture.freshCounty();
    }
}
