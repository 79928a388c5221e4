package cn.wushe.platform.files;

import cn.wushe.platform.Messages;

/**
 * Looks at the inflated bytes of one XML part as they stream past, before any XML parser sees them:
 * refuses a document type declaration or entity (XXE, billion laughs), a cell reference with more
 * than three column letters (the reader would allocate a row as wide as the reference says), and
 * counts {@code <row} elements so the row cap holds before parsing and progress has a total.
 * Works on bytes: Excel writes its parts in UTF-8, and a part that is not is refused up front.
 */
final class XmlPartScanner {

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ENTITY = "<!ENTITY".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ROW = "<row".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String part;
    private final boolean worksheet;
    private long offset;
    private int doctypeAt;
    private int entityAt;
    private int rowAt;
    private boolean rowMatched;
    private long rows;
    // cell reference attribute: 0 none, 1 saw whitespace, 2 saw " r", 3 saw "=", 4 in value counting letters
    private int refState;
    private int refLetters;

    XmlPartScanner(String part) {
        this.part = part;
        this.worksheet = part.startsWith("xl/worksheets/");
    }

    void feed(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (offset == 0) {
                checkEncoding(b);
            }
            offset++;
            doctypeAt = match(DOCTYPE, doctypeAt, b);
            entityAt = match(ENTITY, entityAt, b);
            if (doctypeAt == DOCTYPE.length || entityAt == ENTITY.length) {
                throw new RejectedFile(Messages.text("platform.upload.xml-declaration", part));
            }
            if (worksheet) {
                countRows(b);
                checkCellReference(b);
            }
        }
    }

    long rows() {
        return rows;
    }

    private void checkEncoding(byte first) {
        if (first == 0 || first == (byte) 0xFE || first == (byte) 0xFF) {
            throw new RejectedFile(Messages.text("platform.upload.xml-not-utf8", part));
        }
    }

    private static int match(byte[] pattern, int matched, byte b) {
        if (b == pattern[matched]) {
            return matched + 1;
        }
        return b == pattern[0] ? 1 : 0;
    }

    private void countRows(byte b) {
        if (rowMatched) {
            rowMatched = false;
            if (b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\n' || b == '\r') {
                rows++;
            }
        }
        rowAt = match(ROW, rowAt, b);
        if (rowAt == ROW.length) {
            rowMatched = true;
            rowAt = 0;
        }
    }

    private void checkCellReference(byte b) {
        boolean space = b == ' ' || b == '\t' || b == '\n' || b == '\r';
        switch (refState) {
            case 1 -> refState = b == 'r' ? 2 : space ? 1 : 0;
            case 2 -> refState = b == '=' ? 3 : space ? 2 : 0;
            case 3 -> {
                if (b == '"' || b == '\'') {
                    refState = 4;
                    refLetters = 0;
                } else if (!space) {
                    refState = 0;
                }
            }
            case 4 -> {
                if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')) {
                    if (++refLetters > 3) {
                        throw new RejectedFile(Messages.text("platform.upload.cell-out-of-range", part));
                    }
                } else {
                    refState = space ? 1 : 0;
                }
            }
            default -> refState = space ? 1 : 0;
        }
        if (refState == 0 && space) {
            refState = 1;
        }
    }
}
