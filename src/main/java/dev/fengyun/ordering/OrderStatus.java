package dev.fengyun.ordering;

/**
 * PENDING_PAYMENT until paid (PAID) or ended unpaid: CANCELLED by the buyer or organizer, or
 * EXPIRED when the payment window passed. REFUNDED once every ticket of a paid order was refunded.
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    CANCELLED,
    EXPIRED,
    REFUNDED;

    public boolean live() {
        return this == PENDING_PAYMENT || this == PAID;
    }
}
