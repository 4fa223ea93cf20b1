package dev.fengyun.payment.internal;

import dev.fengyun.payment.InvalidCallback;
import dev.fengyun.payment.PaymentProvider;
import dev.fengyun.platform.Money;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Cash or card at the box office: staff confirm it; refunds are paid out at the desk. */
@Component
class OfflineProvider implements PaymentProvider {

    @Override
    public String method() {
        return "offline";
    }

    @Override
    public boolean online() {
        return false;
    }

    @Override
    public Initiation initiate(PaymentIntent intent) {
        return new Initiation(null, "box-office", false);
    }

    @Override
    public CallbackResult verifyCallback(byte[] body, Map<String, String> headers) {
        throw new InvalidCallback(
                "Offline payments are confirmed by box-office staff, not by callbacks.");
    }

    @Override
    public String refund(PaymentIntent payment, Money amount, String reason) {
        return "box-office";
    }
}
