package dev.fengyun.webhooks.internal;

import dev.fengyun.platform.Digests;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.MasterKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what {@code webhook_deliveries} holds, from every instance without sending one delivery
 * twice at once (claims with {@code SKIP LOCKED} and a lease). A delivery is a POST of the JSON
 * body with {@code Fengyun-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}, {@code
 * Fengyun-Event} and {@code Fengyun-Delivery}; a 2xx within 10 s delivers it; 410 Gone disables the
 * webhook; any other answer or none is retried with exponential backoff (30 s doubling, at most 6 h
 * apart) until three days after the event, then FAILED.
 */
@Component
class WebhookSender {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookStore store;
    private final WebhookTargetCheck targets;
    private final MasterKey masterKey;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService senders =
            Executors.newFixedThreadPool(
                    8,
                    r -> {
                        Thread thread = new Thread(r, "webhook-sender");
                        thread.setDaemon(true);
                        return thread;
                    });

    WebhookSender(
            WebhookStore store,
            WebhookTargetCheck targets,
            MasterKey masterKey,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.targets = targets;
        this.masterKey = masterKey;
        this.transactions = transactions;
        this.clock = clock;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT5S")
    void deliverDue() throws InterruptedException {
        List<WebhookStore.Claimed> claimed =
                transactions.execute(status -> store.claimDue(32, LEASE));
        List<Future<?>> running = new ArrayList<>();
        for (WebhookStore.Claimed delivery : claimed) {
            running.add(senders.submit(() -> deliver(delivery)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("Webhook delivery failed unexpectedly", e.getCause());
            }
        }
    }

    void deliver(WebhookStore.Claimed delivery) {
        Integer status = null;
        String error;
        try {
            URI target = targets.check(delivery.url());
            String secret =
                    new String(
                            masterKey.open(
                                    delivery.sealedSecret(), "webhook:" + delivery.webhookCode()),
                            StandardCharsets.UTF_8);
            long t = clock.instant().getEpochSecond();
            HttpRequest request =
                    HttpRequest.newBuilder(target)
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "Fengyun-Webhooks/1")
                            .header("Fengyun-Event", delivery.event())
                            .header("Fengyun-Delivery", delivery.code())
                            .header("Fengyun-Signature", signature(secret, t, delivery.body()))
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            delivery.body(), StandardCharsets.UTF_8))
                            .build();
            HttpResponse<Void> response =
                    http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                store.delivered(delivery.id(), status);
                return;
            }
            if (status == 410) {
                store.failed(delivery.id(), status, "410 Gone: the webhook was disabled", null);
                store.disable(delivery.webhookId(), "the endpoint answered 410 Gone");
                log.info("Webhook {} answered 410 Gone and is disabled", delivery.webhookCode());
                return;
            }
            error = "HTTP " + status;
        } catch (InvalidInput e) {
            error = "target refused: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error =
                    e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Instant retryAt = clock.instant().plus(backoff(delivery.attempts()));
        boolean giveUp = retryAt.isAfter(delivery.createdAt().plus(GIVE_UP_AFTER));
        store.failed(delivery.id(), status, error, giveUp ? null : retryAt);
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" keyed with the secret>}. */
    static String signature(String secret, long t, String body) {
        byte[] mac =
                Digests.hmacSha256(
                        secret.getBytes(StandardCharsets.UTF_8),
                        (t + "." + body).getBytes(StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac);
    }

    /** 30 s × 2^(attempt − 1), at most 6 hours. */
    static Duration backoff(int attempt) {
        long seconds = 30L << Math.min(attempt - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, Duration.ofHours(6).toSeconds()));
    }
}
