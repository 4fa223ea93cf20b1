package dev.fengyun.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks against a real HTTP receiver on loopback: signed deliveries whose signature verifies
 * independently, sold-out reports, retries, 410 disabling, redelivery, secret rotation, and the
 * refusal of internal targets.
 */
class WebhooksIntegrationTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired JdbcClient jdbc;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private Fixtures.Org org;
    private Api owner;
    private String webhooks;

    record Received(String event, String delivery, String signature, String body) {}

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext(
                "/hook",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    received.add(
                            new Received(
                                    exchange.getRequestHeaders().getFirst("Fengyun-Event"),
                                    exchange.getRequestHeaders().getFirst("Fengyun-Delivery"),
                                    exchange.getRequestHeaders().getFirst("Fengyun-Signature"),
                                    new String(body, StandardCharsets.UTF_8)));
                    exchange.sendResponseHeaders(answer.get(), -1);
                    exchange.close();
                });
        receiver.start();
        org = fixtures.organizer();
        owner = api.as(org.owner().token());
        webhooks = "/api/v1/organizers/" + org.slug() + "/webhooks";
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private JsonNode register(String... events) {
        Api.Response created =
                owner.post(webhooks, Map.of("url", hookUrl(), "events", List.of(events)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("secret").asString()).startsWith("whsec_");
        return created.json();
    }

    @Test
    void aPaidOrderIsDeliveredSignedAndTheSignatureVerifies() throws Exception {
        JsonNode webhook = register("order.paid");
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 5, 10, 0), 20, Map.of());
        String code =
                fixtures.payAndFetch(
                                fixtures.holdAndOrder(
                                        show.id(),
                                        Map.of("zoneId", show.zoneGa(), "quantity", 2),
                                        "hook@example.com"))
                        .json()
                        .get("code")
                        .asString();

        Received delivery = awaitDelivery("order.paid");
        JsonNode body = Api.JSON.readTree(delivery.body());
        assertThat(body.get("id").asString()).isEqualTo(delivery.delivery());
        assertThat(body.get("data").get("code").asString()).isEqualTo(code);
        assertThat(body.get("data").get("status").asString()).isEqualTo("PAID");
        assertThat(body.get("data").get("items")).hasSize(2);
        assertThat(verifies(webhook.get("secret").asString(), delivery)).isTrue();
        assertThat(verifies("whsec_someone-else", delivery)).isFalse();

        String log = webhooks + "/" + webhook.get("id").asString() + "/deliveries";
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            JsonNode entry = owner.get(log).json().get("items").get(0);
                            assertThat(entry.get("status").asString()).isEqualTo("DELIVERED");
                            assertThat(entry.get("lastStatus").asInt()).isEqualTo(200);
                            assertThat(entry.get("id").asString()).isEqualTo(delivery.delivery());
                        });
    }

    @Test
    void theLastSaleReportsTheSoldOutPerformanceOnce() throws Exception {
        register("performance.sold_out");
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 2, 1, 0), 2, Map.of());
        List<String> seats = new java.util.ArrayList<>();
        for (JsonNode seat :
                api.get("/api/v1/public/performances/" + show.id() + "/seats")
                        .json()
                        .get("seats")) {
            seats.add(seat.get("id").asString());
        }
        fixtures.payAndFetch(
                fixtures.holdAndOrder(show.id(), Map.of("seatIds", seats), "first@example.com"));
        assertThat(received).noneMatch(r -> "performance.sold_out".equals(r.event()));
        fixtures.payAndFetch(
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("zoneId", show.zoneGa(), "quantity", 2),
                        "last@example.com"));

        Received soldOut = awaitDelivery("performance.sold_out");
        assertThat(Api.JSON.readTree(soldOut.body()).get("data").get("performanceId").asLong())
                .isEqualTo(show.id());
        Thread.sleep(1_500);
        assertThat(received.stream().filter(r -> "performance.sold_out".equals(r.event())))
                .hasSize(1);
    }

    @Test
    void failuresAreRetried410DisablesAndADeliveryCanBeSentAgain() throws Exception {
        JsonNode webhook = register("order.paid", "order.cancelled");
        String id = webhook.get("id").asString();
        String log = webhooks + "/" + id + "/deliveries";
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 5, 10, 0), 20, Map.of());
        answer.set(500);
        fixtures.payAndFetch(
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("zoneId", show.zoneGa(), "quantity", 1),
                        "retry@example.com"));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            JsonNode entry = owner.get(log).json().get("items").get(0);
                            assertThat(entry.get("status").asString()).isEqualTo("PENDING");
                            assertThat(entry.get("attempts").asInt()).isEqualTo(1);
                            assertThat(entry.get("lastStatus").asInt()).isEqualTo(500);
                        });

        answer.set(410);
        jdbc.sql(
                        "UPDATE webhook_deliveries d SET next_attempt_at = now() FROM webhooks w WHERE w.id = d.webhook_id AND w.code = :id")
                .param("id", id)
                .update();
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            JsonNode hook = owner.get(webhooks + "/" + id).json();
                            assertThat(hook.get("enabled").asBoolean()).isFalse();
                            assertThat(hook.get("disabledReason").asString()).contains("410");
                        });
        JsonNode failed = owner.get(log).json().get("items").get(0);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");

        // Disabled: new events are not queued for it.
        fixtures.payAndFetch(
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("zoneId", show.zoneGa(), "quantity", 1),
                        "while-off@example.com"));
        assertThat(owner.get(log).json().get("items")).hasSize(1);

        answer.set(200);
        assertThat(
                        owner.patch(webhooks + "/" + id, Map.of("enabled", true))
                                .json()
                                .get("enabled")
                                .asBoolean())
                .isTrue();
        Api.Response again =
                owner.post(log + "/" + failed.get("id").asString() + "/redeliver", null);
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            JsonNode entry = owner.get(log).json().get("items").get(0);
                            assertThat(entry.get("status").asString()).isEqualTo("DELIVERED");
                            assertThat(entry.get("attempts").asInt()).isEqualTo(3);
                        });
        assertThat(received.get(received.size() - 1).delivery())
                .isEqualTo(failed.get("id").asString());
    }

    @Test
    void aRotatedSecretSignsFromThenOn() throws Exception {
        JsonNode webhook = register("order.paid");
        String id = webhook.get("id").asString();
        Api.Response rotated = owner.post(webhooks + "/" + id + "/rotate-secret", null);
        assertThat(rotated.status()).isEqualTo(200);
        String secret = rotated.json().get("secret").asString();
        assertThat(secret).isNotEqualTo(webhook.get("secret").asString());
        assertThat(owner.get(webhooks + "/" + id).json().get("secret").isNull()).isTrue();

        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 5, 10, 0), 20, Map.of());
        fixtures.payAndFetch(
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("zoneId", show.zoneGa(), "quantity", 1),
                        "rotated@example.com"));
        Received delivery = awaitDelivery("order.paid");
        assertThat(verifies(secret, delivery)).isTrue();
        assertThat(verifies(webhook.get("secret").asString(), delivery)).isFalse();

        assertThat(owner.delete(webhooks + "/" + id).status()).isEqualTo(204);
        assertThat(owner.get(webhooks + "/" + id).status()).isEqualTo(404);
        assertThat(owner.get(webhooks).json().get("items")).isEmpty();
    }

    @Test
    void internalTargetsAndUnknownEventsAreRefused() {
        for (String url :
                List.of(
                        "http://10.0.0.7/hook",
                        "http://169.254.169.254/latest/meta-data",
                        "http://192.168.1.1/",
                        "http://[fc00::1]/hook",
                        "http://100.64.0.1/",
                        "ftp://example.com/hook",
                        "not a url")) {
            Api.Response refused =
                    owner.post(webhooks, Map.of("url", url, "events", List.of("order.paid")));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .as(url)
                    .isEqualTo("url");
        }
        Api.Response unknown =
                owner.post(webhooks, Map.of("url", hookUrl(), "events", List.of("order.eaten")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("events");
        assertThat(
                        api.post(
                                        webhooks,
                                        Map.of("url", hookUrl(), "events", List.of("order.paid")))
                                .status())
                .isEqualTo(401);
    }

    private Received awaitDelivery(String event) {
        return await().atMost(WAIT)
                .until(
                        () ->
                                received.stream()
                                        .filter(r -> event.equals(r.event()))
                                        .reduce((a, b) -> b)
                                        .orElse(null),
                        r -> r != null);
    }

    /** The receiver's side, computed independently of Fengyun's code. */
    private static boolean verifies(String secret, Received delivery) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : delivery.signature().split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected =
                mac.doFinal(
                        (parts.get("t") + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
        long age = System.currentTimeMillis() / 1000 - Long.parseLong(parts.get("t"));
        return age >= 0 && age < 300 && HexFormat.of().formatHex(expected).equals(parts.get("v1"));
    }
}
