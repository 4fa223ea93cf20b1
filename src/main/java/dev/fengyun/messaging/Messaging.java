package dev.fengyun.messaging;

import dev.fengyun.messaging.internal.MailOutbox;
import dev.fengyun.ordering.OrderMessages;
import java.util.List;
import org.springframework.stereotype.Service;

/** What organizers see of the e-mail sent about their orders. */
@Service
public class Messaging implements OrderMessages {

    private final MailOutbox outbox;

    Messaging(MailOutbox outbox) {
        this.outbox = outbox;
    }

    /** Every message about an order, oldest first, with its delivery state. */
    public List<MailDelivery> ofOrder(long orderId) {
        return outbox.ofOrder(orderId);
    }

    @Override
    public List<Line> of(long orderId) {
        return ofOrder(orderId).stream()
                .map(
                        d ->
                                new Line(
                                        d.kind().name(),
                                        d.recipient(),
                                        d.status(),
                                        d.attempts(),
                                        d.lastError(),
                                        d.createdAt(),
                                        d.sentAt()))
                .toList();
    }
}
