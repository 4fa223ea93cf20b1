package dev.fengyun.messaging;

/**
 * What a message is about. Each has its subject and opening in the messages ({@code
 * mail.<template>.subject}, {@code .intro}) in every language; the rest of the message is common.
 */
public enum MailKind {
    /** An order is paid: the tickets as PDF and a calendar entry attached. */
    ORDER_CONFIRMATION,
    /** Staff recorded the payment of an offline order: a receipt, with the tickets attached. */
    PAYMENT_RECEIVED,
    /** Some or all tickets of an order were refunded. */
    REFUND_ISSUED,
    /** The performance was cancelled; the order is refunded in full. Sent in bulk, throttled. */
    PERFORMANCE_CANCELLED,
    /** A ticket was transferred to this recipient: the new ticket attached. */
    TICKET_TRANSFERRED,
    /** The code that verifies an account's e-mail address (not about an order). */
    VERIFICATION_CODE;

    public String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
