package dev.fengyun.ticketing;

import dev.fengyun.platform.Base32;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * What a ticket's QR code says, before its signature: 47 bytes, big-endian, laid out in {@code
 * docs/ticket-format.md}. The ticket id is the ticket's 16-character code as its 10 bytes.
 */
public record TicketPayload(
        long keyId,
        String ticketCode,
        long performanceId,
        long zoneId,
        long unitId,
        Instant validFrom,
        Instant validUntil) {

    public static final int VERSION = 1;
    public static final int LENGTH = 47;
    public static final int SIGNATURE_LENGTH = 64;
    private static final int TICKET_ID_BYTES = 10;

    public byte[] bytes() {
        return ByteBuffer.allocate(LENGTH)
                .put((byte) VERSION)
                .putInt((int) keyId)
                .put(Base32.CROCKFORD.decode(ticketCode))
                .putLong(performanceId)
                .putLong(zoneId)
                .putLong(unitId)
                .putInt((int) validFrom.getEpochSecond())
                .putInt((int) validUntil.getEpochSecond())
                .array();
    }

    /**
     * Reads the first {@link #LENGTH} bytes.
     *
     * @throws IllegalArgumentException when they are too few or of another version
     */
    public static TicketPayload parse(byte[] bytes) {
        if (bytes.length < LENGTH || bytes[0] != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " ticket payload");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
        long keyId = Integer.toUnsignedLong(in.getInt());
        byte[] ticketId = new byte[TICKET_ID_BYTES];
        in.get(ticketId);
        return new TicketPayload(
                keyId,
                Base32.CROCKFORD.encode(ticketId),
                in.getLong(),
                in.getLong(),
                in.getLong(),
                Instant.ofEpochSecond(Integer.toUnsignedLong(in.getInt())),
                Instant.ofEpochSecond(Integer.toUnsignedLong(in.getInt())));
    }

    /** The key id as JWK sets show it: eight lower-case hex digits. */
    public static String kid(long keyId) {
        return String.format("%08x", keyId);
    }
}
