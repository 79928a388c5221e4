package cn.wushe.registry.imports;

import cn.wushe.platform.files.UploadLimits;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of a roster upload (security check 29), set under {@code wushe.imports.*}.
 *
 * @param maxUploadBytes       the file itself (keep spring.servlet.multipart.max-file-size equal)
 * @param maxEntries           ZIP entries in the workbook
 * @param maxUncompressedBytes all entries inflated together
 * @param maxRatio             inflated ÷ compressed bytes per entry, measured while inflating
 * @param maxRows              data rows of the sheet
 * @param tempDir              where uploads wait for validation; empty: {@code wushe-imports} under java.io.tmpdir
 */
@ConfigurationProperties("wushe.imports")
record ImportLimits(@DefaultValue("20971520") long maxUploadBytes, @DefaultValue("1000") int maxEntries,
        @DefaultValue("209715200") long maxUncompressedBytes, @DefaultValue("100") int maxRatio,
        @DefaultValue("200000") int maxRows, @Nullable Path tempDir) {

    /** The bounds the platform's upload guard checks. */
    UploadLimits upload() {
        return new UploadLimits(maxUploadBytes, maxEntries, maxUncompressedBytes, maxRatio, maxRows);
    }

    Path uploadDir() {
        return tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"), "wushe-imports");
    }
}
