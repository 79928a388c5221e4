package cn.wushe.region.imports;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the tree up to the bundled edition at startup ({@code wushe.regions.import-on-start},
 * default on): a full load on a new database, a hash comparison of a few milliseconds afterwards.
 * Runs before the demo data ({@code @Order(20)}), which needs the tree.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "wushe.regions.import-on-start", matchIfMissing = true)
class ImportOnStart implements ApplicationRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportOnStart.class);

    private final RegionImport regionImport;

    ImportOnStart(RegionImport regionImport) {
        this.regionImport = regionImport;
    }

    @Override
    public void run(ApplicationArguments args) {
        ImportResult result = regionImport.importFrom(RegionFiles.bundled());
        if (result.skipped()) {
            log.info("区划文件未变化，跳过导入（{} ms）", result.took().toMillis());
        }
    }
}
