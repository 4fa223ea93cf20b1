package dev.fengyun.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook can subscribe to, by the name deliveries carry in {@code Fengyun-Event}. */
public enum WebhookEvent {
    ORDER_PAID("order.paid"),
    ORDER_REFUNDED("order.refunded"),
    ORDER_CANCELLED("order.cancelled"),
    TICKET_CHECKED_IN("ticket.checked_in"),
    PERFORMANCE_SOLD_OUT("performance.sold_out");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> byWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
