package dev.fengyun.ordering.internal;

import dev.fengyun.platform.Digests;
import dev.fengyun.platform.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Passes to one order for a browser: {@code fyp_<code>.<expiry>.<HMAC>}, signed with a cluster-wide
 * secret, so any instance accepts them without storing anything. The buyer's web pages get one when
 * they place an order or find it by code and e-mail; unlike the access token it expires.
 */
@Component
public class OrderPasses {

    public static final String PREFIX = "fyp_";
    public static final Duration LIFETIME = Duration.ofDays(30);

    private final Secrets secrets;
    private final Clock clock;

    OrderPasses(Secrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A pass and when it expires. */
    public record Pass(String value, Instant expiresAt) {}

    public Pass issue(String orderCode) {
        long expiry = clock.instant().plus(LIFETIME).getEpochSecond();
        return new Pass(
                PREFIX + orderCode + "." + expiry + "." + mac(orderCode, expiry),
                Instant.ofEpochSecond(expiry));
    }

    public boolean valid(String orderCode, String pass) {
        if (pass == null || !pass.startsWith(PREFIX + orderCode + ".")) {
            return false;
        }
        String[] parts = pass.substring(PREFIX.length()).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        return Instant.ofEpochSecond(expiry).isAfter(clock.instant())
                && Digests.equal(
                        mac(orderCode, expiry).getBytes(StandardCharsets.US_ASCII),
                        parts[2].getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String orderCode, long expiry) {
        byte[] mac =
                Digests.hmacSha256(
                        secrets.get("order-pass"),
                        (orderCode + "." + expiry).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
