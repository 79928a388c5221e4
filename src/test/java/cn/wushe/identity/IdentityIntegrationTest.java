package cn.wushe.identity;

import cn.wushe.identity.internal.AccountFixture;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the shared embedded PostgreSQL, with MockMvc through the real security
 * filter chain, a movable clock and the account fixture. All identity tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({MutableClock.Config.class, TestAccounts.class, AccountFixture.class})
public @interface IdentityIntegrationTest {
}
