package dev.fengyun.inventory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The seat statuses of a performance as JSON ({@code {"seats":[…]}}), ready to send, with an ETag
 * that changes whenever any seat's status does. Also gzip-compressed, made on first demand and then
 * kept with the snapshot: a big hall's map shrinks about tenfold.
 */
public final class SeatMap {

    private final byte[] json;
    private final String etag;
    private volatile byte[] gzipped;

    public SeatMap(byte[] json, String etag) {
        this.json = json;
        this.etag = etag;
    }

    public byte[] json() {
        return json;
    }

    public String etag() {
        return etag;
    }

    /**
     * The JSON gzip-compressed at the fastest level: made at most a few times a second per
     * performance, its CPU matters more than the last tenth of the size (level 6 took five times as
     * long for 25% less).
     */
    public byte[] gzipped() {
        byte[] compressed = gzipped;
        if (compressed == null) {
            compressed = gzip(json);
            gzipped = compressed; // two callers may both compress once; either result is right
        }
        return compressed;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 8 + 64);
        try (GZIPOutputStream out =
                new GZIPOutputStream(compressed) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                }) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
