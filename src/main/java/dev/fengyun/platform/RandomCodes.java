package dev.fengyun.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable public identifiers. Internal keys are database identities; anything a client can
 * quote or present (order codes, tokens, ticket ids) comes from here.
 */
public final class RandomCodes {

    /** Crockford's Base32: no I, L, O or U, so codes survive being read aloud or typed. */
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomCodes() {}

    /** {@code length} upper-case Crockford Base32 characters: 5 random bits each. */
    public static String code(int length) {
        char[] out = new char[length];
        byte[] bytes = bytes(length);
        for (int i = 0; i < length; i++) {
            out[i] = CROCKFORD[bytes[i] & 31];
        }
        return new String(out);
    }

    /** {@code byteCount} random bytes as URL-safe Base64 without padding. */
    public static String token(int byteCount) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(byteCount));
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
