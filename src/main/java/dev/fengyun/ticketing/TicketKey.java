package dev.fengyun.ticketing;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * One of an organizer's Ed25519 ticket keys. {@code publicKey} is the raw 32-byte key (RFC 8032);
 * {@code kid} is how payloads and JWK sets name it.
 */
public record TicketKey(
        long id,
        long organizerId,
        byte[] publicKey,
        TicketKeyStatus status,
        Instant createdAt,
        Instant retiredAt) {

    public String kid() {
        return TicketPayload.kid(id);
    }

    /** The public key as an RFC 8037 JWK (OKP, Ed25519). */
    public Jwk jwk() {
        return new Jwk(
                "OKP",
                "Ed25519",
                Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey),
                kid(),
                "sig",
                "EdDSA");
    }

    public record Jwk(String kty, String crv, String x, String kid, String use, String alg) {}

    /** An RFC 7517 JWK set. */
    public record JwkSet(List<Jwk> keys) {
        public static JwkSet of(List<TicketKey> keys) {
            return new JwkSet(keys.stream().map(TicketKey::jwk).toList());
        }
    }
}
