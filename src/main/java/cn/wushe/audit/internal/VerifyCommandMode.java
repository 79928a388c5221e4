package cn.wushe.audit.internal;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code --wushe.audit.verify} the application is a one-shot command: no web server is started
 * (and no port taken), so it can run beside the live application. Registered in
 * {@code META-INF/spring.factories}.
 */
public class VerifyCommandMode implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty(VerifyCommand.PROPERTY)
                && !"false".equalsIgnoreCase(env.getProperty(VerifyCommand.PROPERTY))) {
            env.getPropertySources().addFirst(new MapPropertySource("wusheAuditVerifyCommand", Map.of(
                    "spring.main.web-application-type", "none",
                    "spring.main.banner-mode", "off")));
        }
    }
}
