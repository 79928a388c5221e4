package cn.wushe.audit.internal;

import cn.wushe.audit.internal.AuditVerification.ChainReport;
import cn.wushe.audit.internal.AuditVerification.Report;
import cn.wushe.audit.internal.AuditVerification.Tampered;
import cn.wushe.platform.Messages;
import java.util.ArrayList;
import java.util.List;

/** A verification report in words, for the page, the API and the command line (Simplified Chinese). */
public final class VerificationText {

    private VerificationText() {
    }

    /** One line: {@code 完整：已校验 N 条，M 条链} (lanes count as chains) or how many are broken. */
    public static String summary(Report report) {
        if (report.intact()) {
            return Messages.text("audit.verify.intact", report.entriesChecked(), report.chainsChecked());
        }
        return Messages.text("audit.verify.tampered", report.entriesChecked(), report.chainsChecked(),
                report.firstTampered().size());
    }

    /** The first break of one lane: {@code 链 610527-3 序号 5（记录 12）：内容与哈希不符…}. */
    public static String describe(Tampered t) {
        return Messages.text("audit.verify.break", t.name(), t.seq(),
                t.id() == null ? "" : Messages.text("audit.verify.break-record", t.id()), t.problem());
    }

    /** The full report for the command line: summary, breaks, then every chain's head to note down. */
    public static List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(report));
        report.firstTampered().forEach(t -> lines.add("  " + describe(t)));
        lines.add(Messages.text("audit.verify.heads"));
        for (ChainReport chain : report.chains()) {
            lines.add("  " + Messages.text("audit.verify.head", chain.name(), chain.entries(), chain.headSeq(),
                    chain.headHash(), chain.intact() ? "" : Messages.text("audit.verify.head-broken")));
        }
        return lines;
    }
}
