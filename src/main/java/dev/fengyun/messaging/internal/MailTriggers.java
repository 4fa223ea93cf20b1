package dev.fengyun.messaging.internal;

import dev.fengyun.identity.EmailVerification;
import dev.fengyun.identity.EmailVerificationRequested;
import dev.fengyun.messaging.MailKind;
import dev.fengyun.ordering.OrderPaid;
import dev.fengyun.ordering.OrderRefunded;
import dev.fengyun.ticketing.TicketTransferred;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns changes into messages. Plain (synchronous) listeners: the message is written in the
 * transaction that publishes the event, so it exists exactly when the change does.
 */
@Component
class MailTriggers {

    private final MailOutbox outbox;

    MailTriggers(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(OrderPaid paid) {
        MailKind kind =
                "offline".equals(paid.paymentMethod())
                        ? MailKind.PAYMENT_RECEIVED
                        : MailKind.ORDER_CONFIRMATION;
        outbox.add(kind, paid.orderId(), null, Map.of());
    }

    @EventListener
    void on(OrderRefunded refunded) {
        outbox.add(
                refunded.performanceCancelled()
                        ? MailKind.PERFORMANCE_CANCELLED
                        : MailKind.REFUND_ISSUED,
                refunded.orderId(),
                null,
                Map.of(
                        "amount", refunded.amount().amount(),
                        "currency", refunded.amount().currency(),
                        "tickets", refunded.itemIds().size()));
    }

    @EventListener
    void on(EmailVerificationRequested requested) {
        outbox.addDirect(
                MailKind.VERIFICATION_CODE,
                requested.email(),
                requested.locale(),
                Map.of(
                        "code",
                        requested.code(),
                        "minutes",
                        EmailVerification.VALIDITY.toMinutes()));
    }

    @EventListener
    void on(TicketTransferred transferred) {
        outbox.add(
                MailKind.TICKET_TRANSFERRED,
                transferred.orderId(),
                transferred.holderEmail(),
                Map.of("ticketId", transferred.ticketId(), "holderName", transferred.holderName()));
    }
}
