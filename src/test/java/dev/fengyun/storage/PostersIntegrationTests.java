package dev.fengyun.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.AppProcess;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.TestS3;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Event posters and ticket PDFs through the object store: upload with content checks and
 * server-made sizes, signed URLs that work until they expire, in the filesystem store (this
 * context) and in S3 (an application process against an in-process S3-compatible server).
 */
class PostersIntegrationTests extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired JdbcClient jdbc;

    @TempDir Path dataDir;

    @Test
    void aPosterRoundTripsThroughTheFilesystemStore() throws Exception {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 2, 2, 0), 10, Map.of());
        String base = "http://127.0.0.1:" + port;
        JsonNode event =
                upload(
                        base,
                        org.owner().token(),
                        org.slug(),
                        show.eventId(),
                        png(900, 1350),
                        "poster.png");
        String thumbnail = event.get("poster").get("thumbnail").asString();
        assertThat(thumbnail)
                .startsWith("/objects/posters/" + show.eventId() + "/")
                .contains("thumb.jpg?expires=");

        BufferedImage thumb = image(base + thumbnail, 200);
        assertThat(thumb.getWidth()).isEqualTo(400);
        assertThat(thumb.getHeight()).isEqualTo(600);
        assertThat(image(base + event.get("poster").get("large").asString(), 200).getWidth())
                .isEqualTo(900); // never enlarged

        // Buyers see it: the public API and the event page carry the signed URLs.
        JsonNode details = api.get("/api/v1/public/performances/" + show.id()).json();
        assertThat(details.get("event").get("poster").get("thumbnail").asString())
                .isEqualTo(thumbnail);
        assertThat(api.get("/events/" + show.eventId()).body())
                .contains(event.get("poster").get("large").asString().replace("&", "&amp;"));

        // A changed link, and a genuine one past its time, are refused.
        assertThat(fetch(base + thumbnail.replace("thumb.jpg", "large.jpg")).statusCode())
                .isEqualTo(403);
        String key = thumbnail.substring("/objects/".length(), thumbnail.indexOf('?'));
        long past = Instant.now().getEpochSecond() - 5;
        HttpResponse<byte[]> expired =
                fetch(
                        base
                                + "/objects/"
                                + key
                                + "?expires="
                                + past
                                + "&signature="
                                + sign(key, past));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("URL_EXPIRED");

        // Not an image, whatever its name says.
        HttpResponse<String> refused =
                post(
                        base,
                        org.owner().token(),
                        org.slug(),
                        show.eventId(),
                        "not an image".getBytes(),
                        "poster.png");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"file\"");

        // Removing it deletes the files.
        Api owner = api.as(org.owner().token());
        assertThat(
                        owner.delete(
                                        "/api/v1/organizers/"
                                                + org.slug()
                                                + "/events/"
                                                + show.eventId()
                                                + "/poster")
                                .json()
                                .get("poster")
                                .isNull())
                .isTrue();
        assertThat(fetch(base + thumbnail).statusCode()).isEqualTo(404);
    }

    @Test
    void aTicketPdfIsStoredAndSharedThroughASignedLink() throws Exception {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 2, 2, 0), 10, Map.of());
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("zoneId", show.zoneGa(), "quantity", 2),
                        "pdf-link@example.com");
        String code = fixtures.payAndFetch(placed).json().get("code").asString();
        Api buyer = api.as(placed.json().get("accessToken").asString());

        JsonNode link = buyer.get("/api/v1/orders/" + code + "/tickets.pdf/link").json();
        HttpResponse<byte[]> pdf = fetch("http://127.0.0.1:" + port + link.get("url").asString());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        assertThat(buyer.get("/api/v1/orders/" + code + "/tickets.pdf").bytes())
                .isEqualTo(pdf.body()); // rendered once, stored
        assertThat(api.get("/api/v1/orders/" + code + "/tickets.pdf/link").status())
                .isEqualTo(404); // no credential, no link
    }

    @Test
    void aPosterRoundTripsThroughS3() throws Exception {
        try (TestS3 s3 = new TestS3("posters");
                AppProcess app =
                        AppProcess.start(
                                Map.of(
                                        "FENGYUN_DATA_DIR", dataDir.toString(),
                                        "FENGYUN_DEMO_DATA", "false",
                                        "FENGYUN_ADMIN_EMAIL", "s3-admin@example.com",
                                        "FENGYUN_ADMIN_PASSWORD", "s3-admin-password",
                                        "FENGYUN_S3_BUCKET", "posters",
                                        "FENGYUN_S3_ENDPOINT", s3.endpoint().toString(),
                                        "FENGYUN_S3_ACCESS_KEY", TestS3.ACCESS_KEY,
                                        "FENGYUN_S3_SECRET_KEY", TestS3.SECRET_KEY,
                                        "FENGYUN_S3_PATH_STYLE", "true"),
                                Path.of("target", "process-logs", "s3-posters.log"))) {
            app.awaitReady(Duration.ofSeconds(90));
            Api anonymous = app.api();
            String token =
                    anonymous
                            .post(
                                    "/api/v1/auth/tokens",
                                    Map.of(
                                            "email",
                                            "s3-admin@example.com",
                                            "password",
                                            "s3-admin-password"))
                            .json()
                            .get("token")
                            .asString();
            Api admin = anonymous.as(token);
            assertThat(
                            admin.post(
                                            "/api/v1/organizers",
                                            Map.of("id", "s3-posters", "name", "S3 Posters"))
                                    .status())
                    .isEqualTo(201);
            long eventId =
                    admin.post(
                                    "/api/v1/organizers/s3-posters/events",
                                    Map.of("title", "海报 Poster", "category", "CONCERT"))
                            .json()
                            .get("id")
                            .asLong();

            JsonNode event =
                    upload(
                            anonymous.base(),
                            token,
                            "s3-posters",
                            eventId,
                            jpeg(1600, 900),
                            "poster.jpg");
            String thumbnail = event.get("poster").get("thumbnail").asString();
            assertThat(thumbnail)
                    .startsWith(s3.endpoint() + "/posters/posters/" + eventId + "/")
                    .contains("X-Amz-Signature=");
            assertThat(
                            s3.blobs()
                                    .list(
                                            "posters",
                                            org.jclouds.blobstore.options.ListContainerOptions
                                                    .Builder.recursive()))
                    .extracting(m -> m.getName())
                    .anyMatch(name -> name.endsWith("/original.jpg"))
                    .anyMatch(name -> name.endsWith("/thumb.jpg"));
            BufferedImage thumb = image(thumbnail, 200);
            assertThat(thumb.getWidth()).isEqualTo(400);
            assertThat(thumb.getHeight()).isEqualTo(225);
            // The pages allow images from the bucket's origin.
            String csp = anonymous.get("/").header("Content-Security-Policy");
            assertThat(csp).contains("img-src 'self' data: blob: " + s3.endpoint());
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private JsonNode upload(
            String base, String token, String org, long eventId, byte[] image, String name)
            throws Exception {
        HttpResponse<String> response = post(base, token, org, eventId, image, name);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(
            String base, String token, String org, long eventId, byte[] content, String name)
            throws Exception {
        String boundary = "----fengyun" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + name
                                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        base
                                                + "/api/v1/organizers/"
                                                + org
                                                + "/events/"
                                                + eventId
                                                + "/poster"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BufferedImage image(String url, int status) throws Exception {
        HttpResponse<byte[]> response = fetch(url);
        assertThat(response.statusCode()).as(url).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private String sign(String key, long expires) throws Exception {
        byte[] secret =
                jdbc.sql("SELECT secret FROM platform_secrets WHERE name = 'object-urls'")
                        .query(byte[].class)
                        .single();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return HexFormat.of()
                .formatHex(mac.doFinal((key + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] png(int width, int height) throws Exception {
        return encode(width, height, "png");
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        return encode(width, height, "jpg");
    }

    private static byte[] encode(int width, int height, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC8102E));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
