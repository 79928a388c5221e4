package cn.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.audit.AuditFixture;
import cn.wushe.audit.AuditLog;
import cn.wushe.audit.internal.AuditVerification;
import cn.wushe.audit.internal.AuditVerification.ChainReport;
import cn.wushe.audit.internal.AuditVerification.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code --wushe.audit.verify}: prints the report in Chinese and ends with 3 when a chain is
 * broken, 0 when all are intact; and the flag keeps the HTTP port closed.
 */
@SpringBootTest
@ActiveProfiles("test")
class VerifyCommandIntegrationTest {

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    @Test
    void brokenChainEndsWithStatus3AndNamesTheEntry() throws Exception {
        AuditFixture fixture = new AuditFixture(log, jdbc, env);
        String county = fixture.freshCounty();
        fixture.record(county, AuditFixture.FOR_AN_INNER_ENTRY);
        AuditFixture.Placed edited = fixture.inner(county);
        fixture.tamper("update audit.entries set reason = '补录' where id = " + edited.id());
        String lane = county + "-" + edited.lane();
        long laneEntries = fixture.seqsByLane(county).get(edited.lane()).size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger status = new AtomicInteger(-1);

        new VerifyCommand(verification, log, new PrintStream(out, true, StandardCharsets.UTF_8), status::set)
                .run(new DefaultApplicationArguments("--wushe.audit.verify"));

        assertThat(status.get()).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("发现篡改",
                "链 " + lane + " 序号 " + edited.seq() + "（记录 " + edited.id() + "）：内容与哈希不符",
                "链 " + lane + "：" + laneEntries + " 条，末条序号 " + laneEntries);
    }

    @Test
    void statusIs0OnlyWhenEveryChainIsIntact() {
        ChainReport intact = new ChainReport("610527", 0, 2, 2, "ab", null);
        ChainReport broken = new ChainReport("610526", 3, 2, 2, "cd", new AuditVerification.Tampered("610526", 3, 1, 7L,
                AuditVerification.Kind.CONTENT_CHANGED, "内容与哈希不符"));

        assertThat(VerifyCommand.statusOf(new Report(List.of(intact)))).isZero();
        assertThat(VerifyCommand.statusOf(new Report(List.of()))).isZero();
        assertThat(VerifyCommand.statusOf(new Report(List.of(intact, broken)))).isEqualTo(3);
        assertThat(VerificationText.summary(new Report(List.of(intact)))).isEqualTo("完整：已校验 2 条，1 条链");
    }

    @Test
    void flagKeepsThePortClosed() {
        StandardEnvironment withFlag = new StandardEnvironment();
        withFlag.getPropertySources().addFirst(new org.springframework.core.env.SimpleCommandLinePropertySource(
                "--wushe.audit.verify"));
        new VerifyCommandMode().postProcessEnvironment(withFlag, null);
        assertThat(withFlag.getProperty("server.port")).isEqualTo("-1");

        MockEnvironment without = new MockEnvironment();
        new VerifyCommandMode().postProcessEnvironment(without, null);
        assertThat(without.getProperty("server.port")).isNull();
    }
}
