package dev.fengyun.platform;

import java.util.Arrays;

/**
 * Base32 without padding in one of two alphabets: RFC 4648's ({@code A–Z, 2–7}), which QR codes
 * carry in their compact alphanumeric mode, and Crockford's, used for codes people read and type.
 * Decoding is strict: any other character, or leftover bits that are not zero, is an error.
 */
public final class Base32 {

    public static final Base32 RFC_4648 = new Base32("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    public static final Base32 CROCKFORD = new Base32("0123456789ABCDEFGHJKMNPQRSTVWXYZ");

    private final char[] alphabet;
    private final int[] values = new int[128];

    private Base32(String alphabet) {
        this.alphabet = alphabet.toCharArray();
        Arrays.fill(values, -1);
        for (int i = 0; i < this.alphabet.length; i++) {
            values[this.alphabet[i]] = i;
        }
    }

    public String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /**
     * @throws IllegalArgumentException on a character outside the alphabet or a length no byte
     *     string encodes to
     */
    public byte[] decode(CharSequence text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c < 128 ? values[c] : -1;
            if (value < 0) {
                throw new IllegalArgumentException("not a Base32 character at " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("not a canonical Base32 length or padding");
        }
        return out;
    }
}
