package cn.wushe.registry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The fixed test keys (two versions, v1 primary) every registry test runs with, since all tests share
 * one database, plus the test profile and MockMvc.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(properties = {
        "wushe.crypto.keys.1=" + RegistryIntegrationTestBase.KEY_V1,
        "wushe.crypto.keys.2=" + RegistryIntegrationTestBase.KEY_V2,
        "wushe.crypto.primary-version=1",
        "wushe.crypto.blind-index-key=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
@interface RegistryTestKeys {
}
