package dev.fengyun.payment;

import dev.fengyun.payment.PaymentProvider.CallbackResult;
import dev.fengyun.payment.PaymentProvider.Initiation;
import dev.fengyun.payment.PaymentProvider.PaymentIntent;
import dev.fengyun.payment.internal.Payments;
import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.DatabaseMode;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.Money;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.RandomCodes;
import dev.fengyun.platform.Settings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment module's entry point: starts payments with a provider, records what callbacks and
 * staff report in the ledger, and refunds. Confirmations are announced as {@link PaymentConfirmed}
 * in the recording transaction.
 */
@Service
public class PaymentManagement {

    private final Map<String, PaymentProvider> providers;
    private final Payments payments;
    private final ApplicationEventPublisher events;

    PaymentManagement(
            List<PaymentProvider> providers,
            Payments payments,
            ApplicationEventPublisher events,
            Settings settings,
            DatabaseMode databaseMode) {
        boolean demo = settings.flag("FENGYUN_PAYMENT_DEMO", databaseMode.embedded());
        this.providers =
                providers.stream()
                        .filter(p -> demo || !p.method().equals("demo"))
                        .collect(
                                Collectors.toMap(
                                        PaymentProvider::method,
                                        Function.identity(),
                                        (a, b) -> a,
                                        TreeMap::new));
        this.payments = payments;
        this.events = events;
    }

    /** Whether the demo gateway is on ({@code FENGYUN_PAYMENT_DEMO}). */
    public boolean demoEnabled() {
        return providers.containsKey("demo");
    }

    /** Methods buyers may choose online. */
    public List<String> onlineMethods() {
        return providers.values().stream()
                .filter(PaymentProvider::online)
                .map(PaymentProvider::method)
                .toList();
    }

    /**
     * Starts paying {@code amount} for an order.
     *
     * @throws InvalidInput ({@code paymentMethod}) for unknown or unsuitable methods
     */
    @Transactional
    public PaymentStarted initiate(
            long orderId,
            long organizerId,
            String method,
            Money amount,
            String returnUrl,
            String actor) {
        PaymentProvider provider = provider(method);
        String code = "P" + RandomCodes.code(20);
        long id = payments.insert(code, orderId, organizerId, provider.method(), amount);
        Initiation initiation;
        try {
            initiation = provider.initiate(new PaymentIntent(code, orderId, amount, returnUrl));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("paymentMethod", "Unsuitable", e.getMessage());
        }
        payments.record(
                id, "INITIATED", amount.minor(), initiation.providerReference(), null, actor);
        if (initiation.settled()) {
            confirm(id, code, orderId, amount, initiation.providerReference(), actor);
            return new PaymentStarted(code, null, PaymentStatus.CONFIRMED);
        }
        return new PaymentStarted(code, initiation.redirectUrl(), PaymentStatus.PENDING);
    }

    /**
     * Verifies and records a provider's callback. Duplicates change nothing.
     *
     * @throws InvalidCallback when the callback is not authentic or does not match the payment
     */
    @Transactional
    public Payment handleCallback(String method, byte[] body, Map<String, String> headers) {
        PaymentProvider provider = provider(method);
        Map<String, String> lowerCase = new TreeMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        CallbackResult result = provider.verifyCallback(body, lowerCase);
        Payment payment =
                payments.lock(result.paymentCode())
                        .orElseThrow(() -> new InvalidCallback("Unknown payment."));
        if (!payment.method().equals(provider.method())
                || !payment.amount().equals(result.amount())) {
            throw new InvalidCallback("The callback does not match the payment.");
        }
        String actor = "gateway:" + provider.method();
        if (result.succeeded()) {
            confirm(
                    payment.id(),
                    payment.code(),
                    payment.orderId(),
                    payment.amount(),
                    result.providerReference(),
                    actor);
        } else if (payments.record(
                payment.id(), "FAILED", 0, result.providerReference(), null, actor)) {
            events.publishEvent(new PaymentFailed(payment.id(), payment.code(), payment.orderId()));
        }
        return payments.find(payment.code()).orElseThrow();
    }

    /**
     * Box-office staff confirm that an offline payment was received.
     *
     * @throws Conflict ({@code PAYMENT_NOT_PENDING}) unless it is a pending offline payment
     */
    @Transactional
    public Payment confirmOffline(String paymentCode, String actor) {
        Payment payment = payments.lock(paymentCode).orElseThrow(() -> notFound(paymentCode));
        if (!payment.method().equals("offline") || payment.status() != PaymentStatus.PENDING) {
            throw new Conflict(
                    "PAYMENT_NOT_PENDING",
                    "Only pending box-office payments can be marked as received.");
        }
        confirm(
                payment.id(),
                payment.code(),
                payment.orderId(),
                payment.amount(),
                "box-office",
                actor);
        return payments.find(paymentCode).orElseThrow();
    }

    /**
     * Gives back part or all of a confirmed payment, through its provider.
     *
     * @throws Conflict ({@code REFUND_EXCEEDS_PAYMENT}) beyond what is left to refund
     */
    @Transactional
    public Payment refund(String paymentCode, Money amount, String reason, String actor) {
        Payment payment = payments.lock(paymentCode).orElseThrow(() -> notFound(paymentCode));
        if (payment.status() == PaymentStatus.PENDING || payment.status() == PaymentStatus.FAILED) {
            throw new Conflict("PAYMENT_NOT_CONFIRMED", "Only confirmed payments can be refunded.");
        }
        if (amount.minor() <= 0
                || payment.refunded().plus(amount).minor() > payment.amount().minor()) {
            throw new Conflict("REFUND_EXCEEDS_PAYMENT", "Refunds cannot exceed what was paid.");
        }
        PaymentProvider provider = providers.getOrDefault(payment.method(), null);
        String reference =
                provider == null
                        ? "manual"
                        : provider.refund(
                                new PaymentIntent(
                                        payment.code(), payment.orderId(), payment.amount(), null),
                                amount,
                                reason);
        payments.record(payment.id(), "REFUNDED", amount.minor(), reference, reason, actor);
        return payments.find(paymentCode).orElseThrow();
    }

    public List<Payment> paymentsOf(long orderId) {
        return payments.ofOrder(orderId);
    }

    /**
     * @throws NotFound ({@code PAYMENT_NOT_FOUND})
     */
    public Payment payment(String code) {
        return payments.find(code).orElseThrow(() -> notFound(code));
    }

    private void confirm(
            long id, String code, long orderId, Money amount, String reference, String actor) {
        if (payments.record(id, "CONFIRMED", amount.minor(), reference, null, actor)) {
            events.publishEvent(new PaymentConfirmed(id, code, orderId, amount));
        }
    }

    private PaymentProvider provider(String method) {
        PaymentProvider provider = method == null ? null : providers.get(method);
        if (provider == null) {
            throw new InvalidInput(
                    "paymentMethod",
                    "OneOf",
                    "must be one of " + String.join(", ", providers.keySet()));
        }
        return provider;
    }

    private static NotFound notFound(String code) {
        return new NotFound("PAYMENT_NOT_FOUND", "No payment " + code + ".");
    }
}
