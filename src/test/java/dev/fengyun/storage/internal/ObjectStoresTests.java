package dev.fengyun.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fengyun.storage.ObjectStore;
import dev.fengyun.storage.StoredObject;
import dev.fengyun.support.TestS3;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both stores behind {@link ObjectStore}: the S3 adapter against an S3-compatible server in-process
 * (s3proxy, which checks signatures and expiry), and the filesystem store's own signed URLs.
 */
class ObjectStoresTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path dir;

    @Test
    void objectsRoundTripThroughS3AndPresignedUrlsExpire() throws Exception {
        try (TestS3 s3 = new TestS3("fengyun-test");
                S3ObjectStore store =
                        new S3ObjectStore(
                                new StorageSettings.S3(
                                        "fengyun-test",
                                        "us-east-1",
                                        Optional.of(s3.endpoint().toString()),
                                        Optional.of(TestS3.ACCESS_KEY),
                                        Optional.of(TestS3.SECRET_KEY),
                                        true))) {
            byte[] content = "风云 poster bytes".getBytes(StandardCharsets.UTF_8);
            store.put("posters/1/abc/large.jpg", content, "image/jpeg");
            assertThat(s3.blobs().blobExists("fengyun-test", "posters/1/abc/large.jpg")).isTrue();

            StoredObject read = store.get("posters/1/abc/large.jpg").orElseThrow();
            assertThat(read.content()).isEqualTo(content);
            assertThat(read.contentType()).isEqualTo("image/jpeg");

            HttpResponse<byte[]> viaUrl =
                    fetch(store.signedUrl("posters/1/abc/large.jpg", Duration.ofMinutes(5)));
            assertThat(viaUrl.statusCode()).isEqualTo(200);
            assertThat(viaUrl.body()).isEqualTo(content);
            assertThat(store.publicOrigin()).contains(s3.endpoint().toString());

            String shortLived = store.signedUrl("posters/1/abc/large.jpg", Duration.ofSeconds(1));
            Thread.sleep(2_100);
            assertThat(fetch(shortLived).statusCode()).isEqualTo(403);
            String tampered =
                    store.signedUrl("posters/1/abc/large.jpg", Duration.ofMinutes(5))
                            .replace("large.jpg", "thumb.jpg");
            assertThat(fetch(tampered).statusCode()).isEqualTo(403);

            store.delete("posters/1/abc/large.jpg");
            assertThat(store.get("posters/1/abc/large.jpg")).isEmpty();
        }
    }

    @Test
    void theFilesystemStoreSignsItsOwnUrls() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        FileObjectStore store =
                new FileObjectStore(
                        dir,
                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                        Clock.fixed(now, ZoneOffset.UTC));
        store.put("tickets/fy1/abc.pdf", new byte[] {1, 2, 3}, "application/pdf");
        assertThat(store.get("tickets/fy1/abc.pdf").orElseThrow().contentType())
                .isEqualTo("application/pdf");

        URI url =
                URI.create(
                        "http://x"
                                + store.signedUrl("tickets/fy1/abc.pdf", Duration.ofMinutes(10)));
        String[] query = url.getQuery().split("&");
        long expires = Long.parseLong(query[0].substring("expires=".length()));
        String signature = query[1].substring("signature=".length());
        assertThat(expires).isGreaterThanOrEqualTo(now.getEpochSecond() + 600);
        assertThat(store.verifies("tickets/fy1/abc.pdf", expires, signature)).isTrue();
        assertThat(store.verifies("tickets/fy1/abd.pdf", expires, signature)).isFalse();
        assertThat(store.verifies("tickets/fy1/abc.pdf", expires + 1, signature)).isFalse();
        // The same URL for a while, so pages and listings that carry it can be cached.
        assertThat(store.signedUrl("tickets/fy1/abc.pdf", Duration.ofMinutes(10)))
                .isEqualTo(url.getRawPath() + "?" + url.getRawQuery());

        assertThatThrownBy(() -> store.put("../escape", new byte[1], "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("Upper/Case"))
                .isInstanceOf(IllegalArgumentException.class);
        store.delete("tickets/fy1/abc.pdf");
        assertThat(store.get("tickets/fy1/abc.pdf")).isEmpty();
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
