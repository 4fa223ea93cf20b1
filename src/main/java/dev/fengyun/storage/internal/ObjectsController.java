package dev.fengyun.storage.internal;

import dev.fengyun.platform.Forbidden;
import dev.fengyun.platform.NotFound;
import dev.fengyun.storage.ObjectStore;
import dev.fengyun.storage.StoredObject;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the filesystem store's objects to holders of a signed URL: {@code 403} problem {@code
 * URL_EXPIRED} after its time, {@code URL_INVALID} for a changed key, time or signature. (With S3
 * the URLs point at the bucket and this answers 404.)
 */
@RestController
class ObjectsController {

    private final ObjectStore store;
    private final Clock clock;

    ObjectsController(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/objects/{*key}")
    ResponseEntity<byte[]> get(
            @PathVariable String key,
            @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature) {
        if (!(store instanceof FileObjectStore files)) {
            throw new NotFound("NOT_FOUND", "Objects are served by the object storage service.");
        }
        String objectKey = key.startsWith("/") ? key.substring(1) : key;
        if (expires == null
                || signature == null
                || !ObjectStore.KEY.matcher(objectKey).matches()
                || !files.verifies(objectKey, expires, signature)) {
            throw new Forbidden("URL_INVALID", "This link is not valid.");
        }
        long left = expires - clock.instant().getEpochSecond();
        if (left <= 0) {
            throw new Forbidden("URL_EXPIRED", "This link has expired. Ask for a new one.");
        }
        StoredObject object =
                store.get(objectKey)
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "OBJECT_NOT_FOUND", "The file no longer exists."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(object.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(left)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(object.content());
    }
}
