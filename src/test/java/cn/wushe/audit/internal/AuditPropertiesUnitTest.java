package cn.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * security.md check 27: the application refuses to start with an audit retention below 180 days;
 * and with a number of chain lanes outside 1–64.
 */
class AuditPropertiesUnitTest {

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(AuditConfiguration.class);

    @ParameterizedTest
    @CsvSource({"0", "-1", "30", "179"})
    void refusesToStartWithLessThan180Days(String days) {
        context.withPropertyValues("wushe.audit.retention-days=" + days).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("不得少于 180 天");
        });
    }

    @ParameterizedTest
    @CsvSource({"180, 180", "365, 365", "'', 180"})
    void startsWith180DaysOrMore(String configured, int expected) {
        ApplicationContextRunner runner = configured.isEmpty() ? context
                : context.withPropertyValues("wushe.audit.retention-days=" + configured);
        runner.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(AuditProperties.class).retentionDays()).isEqualTo(expected);
        });
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "65"})
    void refusesToStartWithLanesOutside1To64(String lanes) {
        context.withPropertyValues("wushe.audit.lanes=" + lanes).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("须在 1 到 64 之间");
        });
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "64, 64", "'', 32"})
    void startsWith1To64LanesAnd32ByDefault(String configured, int expected) {
        ApplicationContextRunner runner = configured.isEmpty() ? context
                : context.withPropertyValues("wushe.audit.lanes=" + configured);
        runner.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(AuditProperties.class).lanes()).isEqualTo(expected);
        });
    }
}
