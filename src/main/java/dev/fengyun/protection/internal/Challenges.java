package dev.fengyun.protection.internal;

import dev.fengyun.platform.Digests;
import dev.fengyun.platform.Forbidden;
import dev.fengyun.platform.RandomCodes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The proof-of-work challenge. A challenge is a signed token naming the performance, a random id,
 * an expiry and a difficulty in bits; a solution is a number {@code n} such that SHA-256 of the
 * ASCII text {@code challenge + ":" + n} starts with that many zero bits. Finding one takes 2^bits
 * hashes on average; checking it takes one. Each challenge is good for one hold.
 */
@Component
public class Challenges {

    static final Duration VALIDITY = Duration.ofMinutes(5);

    private final Tokens tokens;
    private final Clock clock;

    Challenges(Tokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public record Issued(String challenge, int difficulty, Instant expiresAt) {}

    public Issued issue(long performanceId, int bits) {
        Instant expiresAt = clock.instant().plus(VALIDITY);
        ByteBuffer payload = Tokens.payload(Tokens.CHALLENGE, 8 + 16 + 8 + 1);
        payload.putLong(performanceId)
                .put(RandomCodes.bytes(16))
                .putLong(expiresAt.getEpochSecond())
                .put((byte) bits);
        return new Issued(tokens.sign(payload), bits, expiresAt);
    }

    /**
     * Checks a solution ({@code challenge:n}) for a hold of the performance needing {@code bits};
     * the caller spends it.
     */
    public SingleUse check(String solution, long performanceId, int bits) {
        if (solution == null || solution.isBlank()) {
            throw new Forbidden(
                    "CHALLENGE_REQUIRED",
                    "This sale asks for a solved challenge with each hold: get one from POST"
                            + " /api/v1/performances/"
                            + performanceId
                            + "/challenge and send"
                            + " Fengyun-Challenge: <challenge>:<solution>.");
        }
        int colon = solution.lastIndexOf(':');
        String challenge = colon < 0 ? solution : solution.substring(0, colon);
        ByteBuffer payload =
                tokens.open(challenge, Tokens.CHALLENGE)
                        .orElseThrow(
                                () -> invalid("The challenge was not issued by this service."));
        long forPerformance = payload.getLong();
        byte[] id = new byte[16];
        payload.get(id);
        Instant expiresAt = Instant.ofEpochSecond(payload.getLong());
        int difficulty = payload.get();
        if (forPerformance != performanceId) {
            throw invalid("The challenge was issued for another performance.");
        }
        if (difficulty < bits) {
            throw invalid("The challenge is easier than this sale now asks; get a new one.");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new Forbidden("CHALLENGE_EXPIRED", "The challenge expired; get a new one.");
        }
        if (colon < 0 || !solves(solution, difficulty)) {
            throw invalid("The solution does not solve the challenge.");
        }
        return new SingleUse(
                id,
                expiresAt,
                "CHALLENGE_USED",
                "This challenge was used already; each is good for one hold.");
    }

    /** Whether SHA-256 of the text starts with {@code bits} zero bits. */
    static boolean solves(String solution, int bits) {
        String nonce = solution.substring(solution.lastIndexOf(':') + 1);
        if (nonce.isEmpty() || nonce.length() > 20 || !nonce.chars().allMatch(Character::isDigit)) {
            return false;
        }
        byte[] hash = Digests.sha256(solution.getBytes(StandardCharsets.US_ASCII));
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (hash[i] != 0) {
                return false;
            }
        }
        int rest = bits % 8;
        return rest == 0 || (hash[full] & 0xFF) >>> (8 - rest) == 0;
    }

    private static Forbidden invalid(String detail) {
        return new Forbidden("CHALLENGE_INVALID", detail);
    }
}
