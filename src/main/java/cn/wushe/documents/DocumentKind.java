package cn.wushe.documents;

import cn.wushe.platform.Messages;

/**
 * What a document is (在册证明, 志愿服务证明, 受理回执 …) and which layout prints it. A module adds a
 * kind by declaring a constant and the label {@code documents.kind.<CODE>} in
 * {@code messages.properties}; the code is stored with every issued document and never renamed.
 *
 * @param code   upper-case, e.g. {@code REGISTRY_ENROLMENT}
 * @param layout certificate (framed, centred title) or receipt (plain, left-aligned)
 */
public record DocumentKind(String code, Layout layout) {

    public enum Layout { CERTIFICATE, RECEIPT }

    public DocumentKind {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new IllegalArgumentException("a document kind code is upper-case letters, digits and _: " + code);
        }
        if (layout == null) {
            throw new IllegalArgumentException("a document kind needs a layout");
        }
    }

    public static DocumentKind certificate(String code) {
        return new DocumentKind(code, Layout.CERTIFICATE);
    }

    public static DocumentKind receipt(String code) {
        return new DocumentKind(code, Layout.RECEIPT);
    }

    /** The Chinese title, e.g. 在册证明. */
    public String label() {
        return labelOf(code);
    }

    /** The title of a stored kind code; the code itself when no module declares it any more. */
    public static String labelOf(String code) {
        String key = "documents.kind." + code;
        return Messages.has(key) ? Messages.text(key) : code;
    }
}
