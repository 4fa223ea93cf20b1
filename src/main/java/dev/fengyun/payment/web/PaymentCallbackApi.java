package dev.fengyun.payment.web;

import dev.fengyun.payment.Payment;
import dev.fengyun.payment.PaymentManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where payment gateways report back. Bodies are verified by the provider before anything is
 * recorded.
 */
@RestController
@Tag(name = "Payments")
class PaymentCallbackApi {

    private final PaymentManagement payments;

    PaymentCallbackApi(PaymentManagement payments) {
        this.payments = payments;
    }

    @PostMapping("/api/v1/payments/callbacks/{method}")
    @Operation(
            summary = "A payment provider's signed callback (replays and duplicates are harmless)")
    CallbackView callback(
            @PathVariable String method,
            @RequestHeader Map<String, String> headers,
            @RequestBody byte[] body) {
        Payment payment = payments.handleCallback(method, body, headers);
        return new CallbackView(payment.code(), payment.status().name());
    }

    record CallbackView(String payment, String status) {}
}
