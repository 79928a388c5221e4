package cn.wushe.audit.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.audit.internal.AuditVerification;
import cn.wushe.audit.internal.AuditVerification.Report;
import cn.wushe.platform.Messages;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --wushe.audit.verify}: verifies every chain, prints the report and ends the process with
 * status 0 when intact, 3 when tampered (1 if the check itself failed). Runs before any other
 * runner (e.g. imports); {@link VerifyCommandMode} has kept the HTTP port closed.
 */
@Component
@ConditionalOnProperty(VerifyCommand.PROPERTY)
@Order(Ordered.HIGHEST_PRECEDENCE)
class VerifyCommand implements ApplicationRunner {

    static final String PROPERTY = "wushe.audit.verify";
    static final int INTACT = 0;
    static final int TAMPERED = 3;

    private final AuditVerification verification;
    private final AuditLog log;
    private final PrintStream out;
    private final IntConsumer exit;

    @Autowired
    VerifyCommand(AuditVerification verification, AuditLog log, ConfigurableApplicationContext context) {
        this(verification, log, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                status -> System.exit(SpringApplication.exit(context, () -> status)));
    }

    /** @param exit ends the process with the given status (tests capture it instead) */
    VerifyCommand(AuditVerification verification, AuditLog log, PrintStream out, IntConsumer exit) {
        this.verification = verification;
        this.log = log;
        this.out = out;
        this.exit = exit;
    }

    static int statusOf(Report report) {
        return report.intact() ? INTACT : TAMPERED;
    }

    @Override
    public void run(ApplicationArguments args) {
        Report report = verification.verify();
        out.println();
        out.println(Messages.text("audit.verify.title"));
        VerificationText.lines(report).forEach(out::println);
        try {
            log.record(AuditEvent.success(AuditReading.VERIFY, AuditReading.OBJECT_TYPE, null, null)
                    .byActor(Messages.text("audit.verify.command-line-actor", System.getProperty("user.name")))
                    .withDetail(VerificationText.summary(report)));
        } catch (RuntimeException e) {
            out.println(Messages.text("audit.verify.not-recorded", e.getClass().getSimpleName()));
        }
        exit.accept(statusOf(report));
    }
}
