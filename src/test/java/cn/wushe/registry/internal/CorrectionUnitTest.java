package cn.wushe.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import cn.wushe.registry.PersonId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorrectionUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final UUID WORKER = UUID.randomUUID();

    private static Correction request(Correction.Status status) {
        return Correction.restore(UUID.randomUUID(), new PersonId(UUID.randomUUID()), "610527001001001", status, 3);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            OPEN,     accept, DONE
            OPEN,     reject, REJECTED
            DONE,     accept, 该更正申请已采纳，不能再次处理
            DONE,     reject, 该更正申请已采纳，不能再次处理
            REJECTED, accept, 该更正申请已驳回，不能再次处理
            REJECTED, reject, 该更正申请已驳回，不能再次处理
            """)
    void onlyAnOpenRequestIsHandled(Correction.Status from, String action, String outcome) {
        Correction request = request(from);
        Runnable handle = () -> {
            if (action.equals("accept")) {
                request.accept(WORKER, null, NOW);
            } else {
                request.reject(WORKER, "号码无法核实", NOW);
            }
        };
        if (from == Correction.Status.OPEN) {
            handle.run();
            assertThat(request.status()).hasToString(outcome);
            assertThat(request.takeEvents()).hasSize(1);
        } else {
            assertThatThrownBy(handle::run).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.type()).isEqualTo(ProblemType.CORRECTION_HANDLED);
                assertThat(e.getMessage()).isEqualTo(outcome);
            });
            assertThat(request.status()).isEqualTo(from);
            assertThat(request.takeEvents()).isEmpty();
        }
    }

    @Test
    void rejectingNeedsAReason() {
        Correction request = request(Correction.Status.OPEN);
        assertThatThrownBy(() -> request.reject(WORKER, "  ", NOW)).isInstanceOf(DomainException.class)
                .hasMessageContaining("请说明理由");
        assertThat(request.status()).isEqualTo(Correction.Status.OPEN);
    }
}
