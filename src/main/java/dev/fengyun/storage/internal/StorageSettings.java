package dev.fengyun.storage.internal;

import dev.fengyun.platform.InvalidSetting;
import dev.fengyun.platform.Settings;
import java.net.URI;
import java.util.Optional;

/** The S3 settings: the bucket (when set, objects go to S3) and how to reach it. */
final class StorageSettings {

    private StorageSettings() {}

    record S3(
            String bucket,
            String region,
            Optional<String> endpoint,
            Optional<String> accessKey,
            Optional<String> secretKey,
            boolean pathStyle) {}

    static Optional<S3> s3(Settings settings) {
        Optional<String> bucket = settings.text("FENGYUN_S3_BUCKET");
        if (bucket.isEmpty()) {
            for (String name :
                    new String[] {
                        "FENGYUN_S3_ENDPOINT", "FENGYUN_S3_ACCESS_KEY", "FENGYUN_S3_SECRET_KEY"
                    }) {
                if (settings.text(name).isPresent()) {
                    throw new InvalidSetting(
                            name, "is set but FENGYUN_S3_BUCKET is not: name the bucket to use S3");
                }
            }
            return Optional.empty();
        }
        Optional<String> endpoint = settings.text("FENGYUN_S3_ENDPOINT");
        endpoint.ifPresent(
                url -> {
                    URI uri = URI.create(url);
                    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                            || uri.getHost() == null) {
                        throw new InvalidSetting(
                                "FENGYUN_S3_ENDPOINT",
                                "must be an http(s) URL like https://cos.ap-shanghai.myqcloud.com, got '"
                                        + url
                                        + "'");
                    }
                });
        Optional<String> accessKey = settings.text("FENGYUN_S3_ACCESS_KEY");
        Optional<String> secretKey = settings.text("FENGYUN_S3_SECRET_KEY");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new InvalidSetting(
                    accessKey.isPresent() ? "FENGYUN_S3_SECRET_KEY" : "FENGYUN_S3_ACCESS_KEY",
                    "must be set together with "
                            + (accessKey.isPresent()
                                    ? "FENGYUN_S3_ACCESS_KEY"
                                    : "FENGYUN_S3_SECRET_KEY"));
        }
        return Optional.of(
                new S3(
                        bucket.get(),
                        settings.text("FENGYUN_S3_REGION", "us-east-1"),
                        endpoint,
                        accessKey,
                        secretKey,
                        settings.flag("FENGYUN_S3_PATH_STYLE", false)));
    }
}
