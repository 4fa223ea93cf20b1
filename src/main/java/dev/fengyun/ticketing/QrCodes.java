package dev.fengyun.ticketing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes of ticket texts at error correction M (survives a scuffed phone screen or a crease),
 * with the standard four-module quiet zone.
 */
public final class QrCodes {

    private static final Map<EncodeHintType, Object> HINTS =
            Map.of(
                    EncodeHintType.ERROR_CORRECTION,
                    ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN,
                    4);

    private QrCodes() {}

    /** The QR version (1–40) the text needs at level M. */
    public static int version(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
    }

    /** One module per bit, quiet zone included. */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
    }

    public static BufferedImage image(String text, int pixelsPerModule) {
        BitMatrix modules = matrix(text);
        BufferedImage image =
                new BufferedImage(
                        modules.getWidth() * pixelsPerModule,
                        modules.getHeight() * pixelsPerModule,
                        BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean dark = modules.get(x / pixelsPerModule, y / pixelsPerModule);
                image.setRGB(x, y, dark ? 0xff000000 : 0xffffffff);
            }
        }
        return image;
    }

    public static byte[] png(String text, int pixelsPerModule) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(text, pixelsPerModule), "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A scalable SVG: one path of unit squares on a white background, crisp at any size. */
    public static String svg(String text) {
        BitMatrix modules = matrix(text);
        int size = modules.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
                + size
                + " "
                + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"Ticket QR code\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\""
                + path
                + "\"/></svg>";
    }
}
