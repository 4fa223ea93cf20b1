package dev.fengyun.payment.internal;

import dev.fengyun.payment.InvalidCallback;
import dev.fengyun.payment.PaymentProvider;
import dev.fengyun.platform.Digests;
import dev.fengyun.platform.Money;
import dev.fengyun.platform.RandomCodes;
import dev.fengyun.platform.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated gateway for evaluation, never real money. Its page lets the buyer pay or fail; either
 * way it reports back exactly like a real gateway would: a callback whose body is signed with
 * HMAC-SHA256 ({@code Fengyun-Demo-Signature: t=<unix seconds>,v1=<hex>}) and verified before
 * anything is recorded.
 */
@Component
public class DemoProvider implements PaymentProvider {

    public static final String SIGNATURE_HEADER = "Fengyun-Demo-Signature";
    static final long MAX_AGE_SECONDS = 300;

    private final Secrets secrets;
    private final JsonMapper json;
    private final Clock clock;

    DemoProvider(Secrets secrets, JsonMapper json, Clock clock) {
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String method() {
        return "demo";
    }

    @Override
    public Initiation initiate(PaymentIntent intent) {
        return new Initiation(
                "/demo-gateway/payments/" + intent.paymentCode(),
                "demo-" + RandomCodes.code(12),
                false);
    }

    /** The gateway's side: the signed callback it sends when the buyer pays or fails. */
    public SignedCallback callback(String paymentCode, boolean succeeded, Money amount) {
        byte[] body =
                json.writeValueAsBytes(
                        Map.of(
                                "payment",
                                paymentCode,
                                "outcome",
                                succeeded ? "SUCCEEDED" : "FAILED",
                                "reference",
                                "demo-" + RandomCodes.code(12),
                                "amount",
                                amount.amount(),
                                "currency",
                                amount.currency()));
        long timestamp = clock.instant().getEpochSecond();
        return new SignedCallback(
                body, Map.of(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(timestamp, body)));
    }

    @Override
    public CallbackResult verifyCallback(byte[] body, Map<String, String> headers) {
        String header = headers.get(SIGNATURE_HEADER.toLowerCase());
        if (header == null) {
            throw new InvalidCallback("The callback is not signed.");
        }
        long timestamp;
        String signature;
        try {
            Map<String, String> parts = new java.util.HashMap<>();
            for (String part : header.split(",")) {
                String[] pair = part.trim().split("=", 2);
                parts.put(pair[0], pair[1]);
            }
            timestamp = Long.parseLong(parts.get("t"));
            signature = parts.get("v1");
        } catch (RuntimeException e) {
            throw new InvalidCallback("The callback signature is malformed.");
        }
        if (signature == null
                || !Digests.equal(
                        signature.getBytes(StandardCharsets.US_ASCII),
                        sign(timestamp, body).getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidCallback("The callback signature does not match.");
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > MAX_AGE_SECONDS) {
            throw new InvalidCallback("The callback is too old to be trusted.");
        }
        try {
            JsonNode node = json.readTree(body);
            Money amount =
                    Money.parse(node.get("amount").asString(), node.get("currency").asString());
            return new CallbackResult(
                    node.get("payment").asString(),
                    node.get("outcome").asString().equals("SUCCEEDED"),
                    node.get("reference").asString(),
                    amount);
        } catch (RuntimeException e) {
            throw new InvalidCallback("The callback body is malformed.");
        }
    }

    @Override
    public String refund(PaymentIntent payment, Money amount, String reason) {
        return "demo-refund-" + RandomCodes.code(12);
    }

    private String sign(long timestamp, byte[] body) {
        byte[] signed = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[signed.length + body.length];
        System.arraycopy(signed, 0, message, 0, signed.length);
        System.arraycopy(body, 0, message, signed.length, body.length);
        return HexFormat.of()
                .formatHex(Digests.hmacSha256(secrets.get("payment.demo.callback"), message));
    }

    /** A callback as it would travel: body and headers. */
    public record SignedCallback(byte[] body, Map<String, String> headers) {}
}
