package dev.fengyun.webhooks.internal;

import dev.fengyun.checkin.TicketCheckedIn;
import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.OrderCancelled;
import dev.fengyun.ordering.OrderDesk;
import dev.fengyun.ordering.OrderItem;
import dev.fengyun.ordering.OrderPaid;
import dev.fengyun.ordering.OrderRefunded;
import dev.fengyun.webhooks.WebhookEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns changes into deliveries, in the transaction of the change (synchronous listeners), so a
 * delivery exists exactly when what it reports does. The body is fixed when it is written: every
 * attempt and every redelivery sends the same bytes with the same delivery id.
 */
@Component
class WebhookTriggers {

    private final WebhookStore store;
    private final OrderDesk orders;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    WebhookTriggers(
            WebhookStore store,
            OrderDesk orders,
            JsonMapper json,
            Clock clock,
            TransactionTemplate transactions) {
        this.store = store;
        this.orders = orders;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
    }

    @EventListener
    void on(OrderPaid paid) {
        enqueue(paid.organizerId(), WebhookEvent.ORDER_PAID, () -> order(paid.orderId()));
        reportIfSoldOut(paid.organizerId(), paid.performanceId());
    }

    @EventListener
    void on(OrderRefunded refunded) {
        enqueue(
                refunded.organizerId(),
                WebhookEvent.ORDER_REFUNDED,
                () -> {
                    Map<String, Object> data = order(refunded.orderId());
                    data.put(
                            "refund",
                            Map.of(
                                    "amount", refunded.amount().amount(),
                                    "currency", refunded.amount().currency(),
                                    "items", refunded.itemIds().size(),
                                    "performanceCancelled", refunded.performanceCancelled()));
                    return data;
                });
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        enqueue(
                cancelled.organizerId(),
                WebhookEvent.ORDER_CANCELLED,
                () -> order(cancelled.orderId()));
    }

    @EventListener
    void on(TicketCheckedIn checkedIn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticket", checkedIn.ticketCode());
        data.put("performanceId", checkedIn.performanceId());
        data.put("listId", checkedIn.listId());
        data.put("checkedInAt", checkedIn.at().toString());
        enqueue(checkedIn.organizerId(), WebhookEvent.TICKET_CHECKED_IN, () -> data);
    }

    /**
     * The safety net for sold-out reports: two last purchases that commit at the same moment each
     * see the other's seats still held. Every 30 s, any instance reports what sold out unreported.
     */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void sweepSoldOut() {
        for (long[] performance : store.unreportedSoldOut()) {
            transactions.executeWithoutResult(
                    status -> reportIfSoldOut(performance[1], performance[0]));
        }
    }

    private void reportIfSoldOut(long organizerId, long performanceId) {
        // Only where someone listens: the check reads the performance's units.
        if (store.subscribed(organizerId, WebhookEvent.PERFORMANCE_SOLD_OUT.wireName())
                && store.soldOut(performanceId)
                && store.markSoldOut(performanceId)) {
            enqueue(
                    organizerId,
                    WebhookEvent.PERFORMANCE_SOLD_OUT,
                    () -> Map.of("performanceId", performanceId));
        }
    }

    private Map<String, Object> order(long orderId) {
        Order order = orders.find(orderId).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", order.code());
        data.put("status", order.status().name());
        data.put("performanceId", order.performanceId());
        data.put("channel", order.channel().name());
        data.put("email", order.email());
        data.put("name", order.name());
        data.put(
                "total",
                Map.of("amount", order.total().amount(), "currency", order.total().currency()));
        data.put("paymentMethod", order.paymentMethod());
        data.put("items", order.items().stream().map(WebhookTriggers::item).toList());
        return data;
    }

    private static Map<String, Object> item(OrderItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", item.id());
        view.put("zone", item.zoneName());
        view.put("seatId", item.seatId());
        view.put("seat", item.seatLabel());
        view.put(
                "price",
                Map.of("amount", item.price().amount(), "currency", item.price().currency()));
        view.put("status", item.status());
        return view;
    }

    /** The data is only gathered when a webhook subscribes to the event (most sales have none). */
    private void enqueue(long organizerId, WebhookEvent event, Supplier<Map<String, Object>> data) {
        String created = clock.instant().toString();
        Map<String, Object> gathered = new HashMap<>();
        store.enqueue(
                organizerId,
                event.wireName(),
                delivery -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("id", delivery);
                    body.put("event", event.wireName());
                    body.put("createdAt", created);
                    body.put("data", gathered.computeIfAbsent("data", k -> data.get()));
                    return json.writeValueAsString(body);
                });
    }
}
