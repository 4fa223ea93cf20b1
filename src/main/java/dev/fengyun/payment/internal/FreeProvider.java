package dev.fengyun.payment.internal;

import dev.fengyun.payment.InvalidCallback;
import dev.fengyun.payment.PaymentProvider;
import dev.fengyun.platform.Money;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Orders that cost nothing: settled the moment they are placed. */
@Component
class FreeProvider implements PaymentProvider {

    @Override
    public String method() {
        return "free";
    }

    @Override
    public Initiation initiate(PaymentIntent intent) {
        if (!intent.amount().isZero()) {
            throw new IllegalArgumentException(
                    "the free method only settles orders that cost nothing");
        }
        return new Initiation(null, "free", true);
    }

    @Override
    public CallbackResult verifyCallback(byte[] body, Map<String, String> headers) {
        throw new InvalidCallback("Free payments have no callbacks.");
    }

    @Override
    public String refund(PaymentIntent payment, Money amount, String reason) {
        return "free";
    }
}
