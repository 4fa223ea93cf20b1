package dev.fengyun.payment.web;

import dev.fengyun.payment.Payment;
import dev.fengyun.payment.PaymentManagement;
import dev.fengyun.payment.PaymentStatus;
import dev.fengyun.payment.internal.DemoProvider;
import dev.fengyun.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The demo gateway (only with {@code FENGYUN_PAYMENT_DEMO=true}): a page that offers to pay or to
 * fail, clearly marked as a demo, and the same two actions for API clients. Both report back
 * through the signed-callback path a real gateway uses.
 */
@Controller
@Tag(name = "Demo payment gateway")
class DemoGateway {

    private final PaymentManagement payments;
    private final DemoProvider demo;

    DemoGateway(PaymentManagement payments, DemoProvider demo) {
        this.payments = payments;
        this.demo = demo;
    }

    @GetMapping("/demo-gateway/payments/{code}")
    String page(
            @PathVariable String code,
            @RequestParam(required = false) String returnUrl,
            Model model) {
        model.addAttribute("payment", demoPayment(code));
        model.addAttribute("returnUrl", safeReturn(returnUrl));
        return "payment/demo-gateway";
    }

    @PostMapping(
            value = "/demo-gateway/payments/{code}/{outcome:succeed|fail}",
            produces = MediaType.TEXT_HTML_VALUE)
    String submit(
            @PathVariable String code,
            @PathVariable String outcome,
            @RequestParam(required = false) String returnUrl,
            Model model) {
        Payment payment = report(code, outcome.equals("succeed"));
        String target = safeReturn(returnUrl);
        if (target != null) {
            return "redirect:" + target;
        }
        model.addAttribute("payment", payment);
        return "payment/demo-gateway";
    }

    @PostMapping("/demo-gateway/payments/{code}/{outcome:succeed|fail}")
    @ResponseBody
    @Operation(summary = "Demo gateway: pay (succeed) or fail a payment, as an API client")
    ResponseEntity<Map<String, String>> api(
            @PathVariable String code, @PathVariable String outcome) {
        Payment payment = report(code, outcome.equals("succeed"));
        return ResponseEntity.ok(
                Map.of("payment", payment.code(), "status", payment.status().name()));
    }

    private Payment report(String code, boolean succeed) {
        Payment payment = demoPayment(code);
        if (payment.status() != PaymentStatus.PENDING) {
            return payment;
        }
        DemoProvider.SignedCallback callback = demo.callback(code, succeed, payment.amount());
        return payments.handleCallback("demo", callback.body(), callback.headers());
    }

    private Payment demoPayment(String code) {
        if (!payments.demoEnabled()) {
            throw new NotFound("NOT_FOUND", "No such resource.");
        }
        Payment payment = payments.payment(code);
        if (!payment.method().equals("demo")) {
            throw new NotFound("PAYMENT_NOT_FOUND", "No demo payment " + code + ".");
        }
        return payment;
    }

    /** Only paths on this site: the gateway must not become an open redirect. */
    private static String safeReturn(String returnUrl) {
        if (returnUrl == null
                || !returnUrl.startsWith("/")
                || returnUrl.startsWith("//")
                || returnUrl.contains("\\")) {
            return null;
        }
        return returnUrl;
    }
}
