package cn.wushe.region.imports;

/**
 * The tree files could not be imported; nothing was changed. The message is Chinese and names the
 * file and, where known, the line (1 = the header line).
 */
public class RegionImportException extends RuntimeException {

    private final String fileName;
    private final long line;

    public RegionImportException(String fileName, long line, String message) {
        super(message);
        this.fileName = fileName;
        this.line = line;
    }

    public String fileName() {
        return fileName;
    }

    /** 0 when the problem is not tied to one line (a missing or unreadable file). */
    public long line() {
        return line;
    }
}
