package cn.wushe.documents;

/**
 * A document just issued.
 *
 * @param serial          the serial printed on it, e.g. {@code K7QM-3XNA-9DPE-W2HT}
 * @param verificationUrl what its QR code opens (serial and signature)
 * @param pdf             the rendered A4 PDF
 */
public record IssuedDocument(String serial, String verificationUrl, byte[] pdf) {

    /** A file name for the download, e.g. {@code 在册证明-K7QM3XNA9DPEW2HT.pdf}. */
    public String fileName(DocumentKind kind) {
        return kind.label() + "-" + serial.replace("-", "") + ".pdf";
    }
}
