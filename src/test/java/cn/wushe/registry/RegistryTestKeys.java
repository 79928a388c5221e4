package cn.wushe.registry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test profile and MockMvc every registry test runs with. The keys are the envelope's stored
 * data keys (platform.data_keys), the same for every context of the suite's one database, so a
 * data-key rotation in one test leaves every other context able to read (it reloads on a new version).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ActiveProfiles("test")
@AutoConfigureMockMvc
@interface RegistryTestKeys {
}
