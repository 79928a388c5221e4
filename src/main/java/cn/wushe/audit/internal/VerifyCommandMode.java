package cn.wushe.audit.internal;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code --wushe.audit.verify} the application is a one-shot command that opens no port, so
 * it can run beside the live application. The web application context is still created
 * ({@code server.port=-1} rather than {@code web-application-type=none}) because the HTTP security
 * configuration needs it. Registered in {@code META-INF/spring.factories}.
 */
public class VerifyCommandMode implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty(VerifyCommand.PROPERTY)
                && !"false".equalsIgnoreCase(env.getProperty(VerifyCommand.PROPERTY))) {
            env.getPropertySources().addFirst(new MapPropertySource("wusheAuditVerifyCommand", Map.of(
                    "server.port", "-1",
                    "spring.main.banner-mode", "off")));
        }
    }
}
