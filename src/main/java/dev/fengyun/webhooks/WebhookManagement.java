package dev.fengyun.webhooks;

import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.MasterKey;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.RandomCodes;
import dev.fengyun.webhooks.internal.WebhookStore;
import dev.fengyun.webhooks.internal.WebhookTargetCheck;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering, changing and removing an organizer's webhooks, and their delivery logs. */
@Service
public class WebhookManagement {

    private final WebhookStore store;
    private final WebhookTargetCheck targets;
    private final MasterKey masterKey;

    WebhookManagement(WebhookStore store, WebhookTargetCheck targets, MasterKey masterKey) {
        this.store = store;
        this.targets = targets;
        this.masterKey = masterKey;
    }

    /** A webhook with its signing secret, shown only when created or rotated. */
    public record WithSecret(Webhook webhook, String secret) {}

    @Transactional
    public WithSecret create(long organizerId, String url, List<String> events) {
        targets.check(url);
        String code = "WH" + RandomCodes.code(14);
        String secret = newSecret();
        store.insert(code, organizerId, url, eventNames(events), seal(code, secret));
        return new WithSecret(webhook(organizerId, code), secret);
    }

    public List<Webhook> list(long organizerId) {
        return store.ofOrganizer(organizerId).stream().map(WebhookStore.Endpoint::view).toList();
    }

    public Webhook webhook(long organizerId, String code) {
        return endpoint(organizerId, code).view();
    }

    /**
     * Changes the URL, the events or whether it is enabled (enabling clears an automatic disable).
     */
    @Transactional
    public Webhook update(
            long organizerId, String code, String url, List<String> events, Boolean enabled) {
        WebhookStore.Endpoint current = endpoint(organizerId, code);
        String newUrl = url == null ? current.view().url() : url;
        if (url != null) {
            targets.check(url);
        }
        store.update(
                current.id(),
                newUrl,
                events == null ? current.view().events() : eventNames(events),
                enabled == null ? current.view().enabled() : enabled);
        return webhook(organizerId, code);
    }

    @Transactional
    public void delete(long organizerId, String code) {
        store.delete(endpoint(organizerId, code).id());
    }

    /** A new secret: deliveries from now on are signed with it; the old one stops at once. */
    @Transactional
    public WithSecret rotateSecret(long organizerId, String code) {
        WebhookStore.Endpoint current = endpoint(organizerId, code);
        String secret = newSecret();
        store.rotate(current.id(), seal(code, secret));
        return new WithSecret(current.view(), secret);
    }

    /** The newest deliveries first. */
    public List<WebhookDelivery> deliveries(long organizerId, String code, int limit) {
        return store.deliveries(endpoint(organizerId, code).id(), limit);
    }

    @Transactional
    public WebhookDelivery redeliver(long organizerId, String code, String deliveryId) {
        return store.redeliver(endpoint(organizerId, code).id(), deliveryId)
                .orElseThrow(
                        () ->
                                new NotFound(
                                        "DELIVERY_NOT_FOUND",
                                        "No delivery " + deliveryId + " of webhook " + code + "."));
    }

    private WebhookStore.Endpoint endpoint(long organizerId, String code) {
        return store.find(organizerId, code)
                .orElseThrow(() -> new NotFound("WEBHOOK_NOT_FOUND", "No webhook " + code + "."));
    }

    private static List<String> eventNames(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidInput("events", "NotEmpty", "name at least one event");
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String event : events) {
            names.add(
                    WebhookEvent.byWireName(event)
                            .orElseThrow(
                                    () ->
                                            new InvalidInput(
                                                    "events",
                                                    "UnknownEvent",
                                                    "unknown event '"
                                                            + event
                                                            + "'; known: order.paid, order.refunded, order.cancelled, ticket.checked_in, performance.sold_out"))
                            .wireName());
        }
        return List.copyOf(names);
    }

    private static String newSecret() {
        return "whsec_" + RandomCodes.token(24);
    }

    private byte[] seal(String code, String secret) {
        return masterKey.seal(secret.getBytes(StandardCharsets.UTF_8), "webhook:" + code);
    }
}
