package dev.fengyun.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.fengyun.platform.Base32;
import dev.fengyun.platform.RandomCodes;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The QR text's byte layout, its Base32 form, and that it fits a small QR code. */
class TicketFormatTests {

    /** Every field at its widest, so no real ticket needs a larger code. */
    private static final TicketPayload WIDEST =
            new TicketPayload(
                    0xFFFF_FFFFL,
                    "ZZZZZZZZZZZZZZZZ",
                    Long.MAX_VALUE,
                    Long.MAX_VALUE,
                    Long.MAX_VALUE,
                    Instant.ofEpochSecond(0xFFFF_FFFFL - 1),
                    Instant.ofEpochSecond(0xFFFF_FFFFL));

    @Test
    void aPayloadSurvivesItsBytes() {
        TicketPayload payload =
                new TicketPayload(
                        3_000_000_000L,
                        RandomCodes.code(16),
                        42,
                        7,
                        123_456,
                        Instant.parse("2026-12-31T12:00:00Z"),
                        Instant.parse("2027-01-01T04:00:00Z"));
        byte[] bytes = payload.bytes();
        assertThat(bytes).hasSize(TicketPayload.LENGTH);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(TicketPayload.parse(bytes)).isEqualTo(payload);
        assertThat(TicketPayload.kid(payload.keyId())).isEqualTo("b2d05e00");
    }

    @Test
    void anotherVersionIsNotReadAsThisOne() {
        byte[] bytes = WIDEST.bytes();
        bytes[0] = 2;
        assertThatThrownBy(() -> TicketPayload.parse(bytes))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base32IsRfc4648UpperCaseWithoutPadding() {
        // RFC 4648 section 10 test vectors, padding removed.
        assertThat(Base32.RFC_4648.encode("foobar".getBytes())).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.RFC_4648.encode("fooba".getBytes())).isEqualTo("MZXW6YTB");
        assertThat(Base32.RFC_4648.encode("f".getBytes())).isEqualTo("MY");
        assertThat(new String(Base32.RFC_4648.decode("MZXW6YTBOI"))).isEqualTo("foobar");
        assertThatThrownBy(() -> Base32.RFC_4648.decode("mzxw6ytboi"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.RFC_4648.decode("MZXW6YTBOI======"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.RFC_4648.decode("MZ1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedTicketFitsQrVersion8AtLevelMInAlphanumericMode() throws Exception {
        byte[] signed = new byte[TicketPayload.LENGTH + TicketPayload.SIGNATURE_LENGTH];
        System.arraycopy(WIDEST.bytes(), 0, signed, 0, TicketPayload.LENGTH);
        Arrays.fill(signed, TicketPayload.LENGTH, signed.length, (byte) 0xFF);
        String text = Base32.RFC_4648.encode(signed);

        assertThat(text).matches("[A-Z2-7]+").hasSize(178);
        assertThat(QrCodes.version(text)).isLessThanOrEqualTo(8);

        BufferedImage image = QrCodes.image(text, 3);
        int[] pixels =
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap =
                new BinaryBitmap(
                        new HybridBinarizer(
                                new RGBLuminanceSource(
                                        image.getWidth(), image.getHeight(), pixels)));
        String decoded =
                new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                        .getText();
        assertThat(decoded).isEqualTo(text);
        assertThat(TicketPayload.parse(Base32.RFC_4648.decode(decoded))).isEqualTo(WIDEST);
    }

    @Test
    void theSvgDrawsTheSameModules() {
        String text = "HELLO234";
        String svg = QrCodes.svg(text);
        var modules = QrCodes.matrix(text);
        int size = modules.getWidth();
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 " + size + " " + size + "\"");
        long dark =
                IntStream.range(0, size * size)
                        .filter(i -> modules.get(i % size, i / size))
                        .count();
        assertThat(svg.split("h1v1h-1z", -1)).hasSize((int) dark + 1);
    }
}
