package dev.fengyun.payment;

import dev.fengyun.platform.Money;
import java.util.Map;

/**
 * A way to pay: a gateway, cash at the box office, or nothing at all. Implementations are Spring
 * beans; {@link #method()} is the name buyers choose (e.g. {@code demo}).
 */
public interface PaymentProvider {

    String method();

    /** Whether buyers may choose it online (offline payments are taken at the box office). */
    default boolean online() {
        return true;
    }

    /**
     * Starts a payment: where to send the buyer, or that it is settled already (a free order).
     *
     * @throws IllegalArgumentException when this provider cannot take that amount
     */
    Initiation initiate(PaymentIntent intent);

    /**
     * Checks that a callback really comes from the provider and reads what it says.
     *
     * @throws InvalidCallback when it is forged, stale or malformed
     */
    CallbackResult verifyCallback(byte[] body, Map<String, String> headers);

    /** Gives {@code amount} of a confirmed payment back; returns the provider's reference. */
    String refund(PaymentIntent payment, Money amount, String reason);

    /** What a provider is asked to collect. */
    record PaymentIntent(String paymentCode, long orderId, Money amount, String returnUrl) {}

    /** How a payment starts: a page to send the buyer to, or settled at once. */
    record Initiation(String redirectUrl, String providerReference, boolean settled) {}

    /** What a verified callback says about a payment. */
    record CallbackResult(
            String paymentCode, boolean succeeded, String providerReference, Money amount) {}
}
