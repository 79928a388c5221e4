package cn.wushe.attachments.internal;

import cn.wushe.attachments.AttachmentAccess;
import cn.wushe.attachments.BlobStore;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.FieldCipher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the attachments module; the filesystem blob store unless another {@link BlobStore} bean is declared. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentsConfiguration {

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    BlobStore fileSystemBlobStore(AttachmentProperties properties, Environment env) {
        String directory = properties.directory() != null ? properties.directory()
                : Path.of(env.getProperty("wushe.data-dir", "./data"), "files").toString();
        return new FileSystemBlobStore(Path.of(directory));
    }

    @Bean
    ErasedContent erasedContent(JdbcClient jdbc, BlobStore store) {
        return new ErasedContent(jdbc, store);
    }

    @Bean
    RecurringTask<Void> erasedContentSweep(ErasedContent erased) {
        return erased.sweepTask();
    }

    @Bean
    JdbcAttachments attachments(JdbcClient jdbc, BlobStore store, FieldCipher cipher, BlindIndex index,
            AttachmentProperties properties, List<AttachmentAccess> policies, AuditLog audit, Clock clock,
            ErasedContent erased) {
        return new JdbcAttachments(jdbc, new SealedBlobs(store, cipher, index), new ContentInspection(properties),
                new AccessPolicies(policies), audit, clock, erased);
    }
}
