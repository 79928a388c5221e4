package cn.wushe.audit.internal;

import cn.wushe.audit.AuditVerification.ChainReport;
import cn.wushe.audit.AuditVerification.Report;
import cn.wushe.audit.AuditVerification.Tampered;
import java.util.ArrayList;
import java.util.List;

/** A verification report in words, for the page, the API and the command line (Simplified Chinese). */
public final class VerificationText {

    private VerificationText() {
    }

    /** One line: {@code 完整：已校验 N 条，M 条链} (lanes count as chains) or how many are broken. */
    public static String summary(Report report) {
        if (report.intact()) {
            return "完整：已校验 " + report.entriesChecked() + " 条，" + report.chainsChecked() + " 条链";
        }
        return "发现篡改：已校验 " + report.entriesChecked() + " 条，" + report.chainsChecked() + " 条链，其中 "
                + report.firstTampered().size() + " 条链不完整";
    }

    /** The first break of one lane: {@code 链 610527-3 序号 5（记录 12）：内容与哈希不符…}. */
    public static String describe(Tampered t) {
        return "链 " + t.name() + " 序号 " + t.seq() + (t.id() == null ? "" : "（记录 " + t.id() + "）") + "："
                + t.problem();
    }

    /** The full report for the command line: summary, breaks, then every chain's head to note down. */
    public static List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(report));
        report.firstTampered().forEach(t -> lines.add("  " + describe(t)));
        lines.add("各链末条（请与上次校验记下的值比对，以发现末尾记录被删除）：");
        for (ChainReport chain : report.chains()) {
            lines.add("  链 " + chain.name() + "：" + chain.entries() + " 条，末条序号 " + chain.headSeq()
                    + "，末条哈希 " + chain.headHash() + (chain.intact() ? "" : "（不完整）"));
        }
        return lines;
    }
}
