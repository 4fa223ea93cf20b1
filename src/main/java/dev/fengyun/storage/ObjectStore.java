package dev.fengyun.storage;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where files live. Keys are paths of lower-case letters, digits, {@code . _ -} and {@code /}.
 * Anyone holding a signed URL may read the object until the URL expires; nobody else can.
 */
public interface ObjectStore {

    Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._/-]{0,400}");

    void put(String key, byte[] content, String contentType);

    Optional<StoredObject> get(String key);

    void delete(String key);

    /**
     * A URL that reads the object until {@code expiresAt} (rounded up so that URLs made within the
     * same rounding interval are identical and cacheable): presigned by S3, or signed by this
     * service for the filesystem store (then a path relative to the service).
     */
    String signedUrl(String key, Duration validFor);

    /** {@code s3} or {@code filesystem}, for logs and health. */
    String kind();

    /** Where signed URLs point when that is not this service (for the pages' security policy). */
    default Optional<String> publicOrigin() {
        return Optional.empty();
    }

    static String checkKey(String key) {
        if (key == null
                || !KEY.matcher(key).matches()
                || key.contains("..")
                || key.contains("//")) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return key;
    }
}
