package cn.wushe.workbench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the app where to open it, once everything is loaded. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final Environment env;

    ReadyBanner(Environment env) {
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("""

                ==========================================================
                  五社联动已就绪：http://localhost:{}
                  API 文档：http://localhost:{}/api-docs.html
                ==========================================================""", port, port);
    }
}
