package dev.fengyun.storage.internal;

import dev.fengyun.platform.Secrets;
import dev.fengyun.platform.Settings;
import dev.fengyun.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** S3 when {@code FENGYUN_S3_BUCKET} is set, else files under {@code FENGYUN_DATA_DIR/objects}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    ObjectStore objectStore(Settings settings, Secrets secrets, Clock clock) {
        var s3 = StorageSettings.s3(settings);
        if (s3.isPresent()) {
            log.info(
                    "Objects are stored in S3 bucket {}{}",
                    s3.get().bucket(),
                    s3.get().endpoint().map(e -> " at " + e).orElse(""));
            return new S3ObjectStore(s3.get());
        }
        Path root =
                settings.path("FENGYUN_DATA_DIR", "./data")
                        .resolve("objects")
                        .toAbsolutePath()
                        .normalize();
        log.info(
                "Objects are stored under {} (set FENGYUN_S3_BUCKET to share them between instances)",
                root);
        return new FileObjectStore(root, secrets.get("object-urls"), clock);
    }
}
