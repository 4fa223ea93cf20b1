package dev.fengyun.protection.internal;

import dev.fengyun.platform.Digests;
import dev.fengyun.platform.Secrets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Compact server-signed tokens: {@code base64url(payload).base64url(mac)}, the mac being the first
 * 16 bytes of HMAC-SHA256 under a key every instance shares ({@link Secrets}). The payload's first
 * byte says what the token is, so one kind can never pass for another.
 */
@Component
class Tokens {

    static final byte CHALLENGE = 'C';
    static final byte VISITOR = 'V';
    static final byte ADMISSION = 'A';

    private static final int MAC_LENGTH = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Secrets secrets;

    /** Ready keyed instances: every poll checks one token and may sign another. */
    private final Queue<Mac> macs = new ConcurrentLinkedQueue<>();

    Tokens(Secrets secrets) {
        this.secrets = secrets;
    }

    String sign(ByteBuffer payload) {
        byte[] bytes = Arrays.copyOf(payload.array(), payload.position());
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The payload after its kind byte, when the token is genuine and of that kind. */
    Optional<ByteBuffer> open(String token, byte kind) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            mac = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length < 1 || payload[0] != kind || !Digests.equal(mac, mac(payload))) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(payload, 1, payload.length - 1).slice());
    }

    static ByteBuffer payload(byte kind, int length) {
        return ByteBuffer.allocate(1 + length).put(kind);
    }

    private byte[] mac(byte[] payload) {
        Mac mac = macs.poll();
        if (mac == null) {
            mac = newMac();
        }
        try {
            return Arrays.copyOf(mac.doFinal(payload), MAC_LENGTH);
        } finally {
            macs.offer(mac);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.get("sale-protection"), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
