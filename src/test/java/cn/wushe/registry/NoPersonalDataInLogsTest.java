package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** security.md check 24: identity numbers and phones never reach the logs or an error body. */
class NoPersonalDataInLogsTest extends RegistryIntegrationTestBase {

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
    }

    @Test
    void createUpdateAndErrorFlowsLogNoIdentityNumberOrPhone() throws Exception {
        String number = newIdNumber();
        String phone = "15" + number.substring(8, 17);
        String body = json(newName(), number, DAOBEI, DAOBEI_GRID_1).replace("13812345678", phone);
        StringBuilder bodies = new StringBuilder();

        String location = mvc.perform(asUser(GRID_WORKER, post("/api/v1/people")).content(body))
                .andReturn().getResponse().getHeader("Location");
        // the duplicate answer shows the existing record as the worker may see it: phone yes, number masked
        String duplicate = mvc.perform(asUser(GRID_WORKER, post("/api/v1/people")).content(body))
                .andReturn().getResponse().getContentAsString();
        String wrongCheck = number.substring(0, 17) + (number.charAt(17) == '1' ? "2" : "1");
        bodies.append(mvc.perform(asUser(GRID_WORKER, post("/api/v1/people"))
                        .content(json(newName(), wrongCheck, DAOBEI, DAOBEI_GRID_1).replace("13812345678", phone)))
                .andReturn().getResponse().getContentAsString());
        bodies.append(mvc.perform(asUser(GRID_WORKER, put(location)).header("If-Match", "\"9\"").content(body))
                .andReturn().getResponse().getContentAsString());
        bodies.append(mvc.perform(asUser(NEIGHBOUR_ADMIN, put(location)).header("If-Match", "\"0\"").content(body))
                .andReturn().getResponse().getContentAsString());

        String logged = String.join("\n", logs.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList());
        assertThat(logged).doesNotContain(number).doesNotContain(wrongCheck).doesNotContain(phone);
        assertThat(bodies.toString()).doesNotContain(number).doesNotContain(wrongCheck).doesNotContain(phone)
                .contains("校验码").contains("version-mismatch").contains("not-found");
        assertThat(duplicate).contains("duplicate-person").doesNotContain(number);
    }
}
