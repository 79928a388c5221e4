package cn.wushe.identity;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What the sign-in, password, session and token tests share: accounts, the movable clock and a browser-like login. */
abstract class AccountTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    LoginSupport login;

    @BeforeEach
    void loginSupport() {
        login = new LoginSupport(mvc);
    }
}
