package dev.fengyun.ticketing.internal;

import dev.fengyun.catalog.PerformanceDetails;
import dev.fengyun.platform.InvalidSetting;
import dev.fengyun.platform.Settings;
import dev.fengyun.ticketing.QrCodes;
import dev.fengyun.ticketing.Ticket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders tickets as PDF pages (105 × 180 mm, a phone-sized page that also prints). Text is set in
 * the TrueType font from {@code FENGYUN_PDF_FONT} or the first CJK-capable system font found, so
 * Chinese names print; without any, a standard font is used and characters it lacks become "?".
 */
@Component
public class TicketPdf {

    private static final Logger log = LoggerFactory.getLogger(TicketPdf.class);

    /** Fonts tried in order when none is configured: Debian's CJK packages, then DejaVu. */
    private static final List<String> SYSTEM_FONTS =
            List.of(
                    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                    "/usr/share/fonts/truetype/arphic/uming.ttc",
                    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = new PDRectangle(105 * MM, 180 * MM);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (EEE)", Locale.ENGLISH);

    private final Optional<Path> font;

    TicketPdf(Settings settings) {
        Optional<Path> configured = settings.text("FENGYUN_PDF_FONT").map(Path::of);
        if (configured.isPresent() && !Files.isReadable(configured.get())) {
            throw new InvalidSetting(
                    "FENGYUN_PDF_FONT", "is not a readable font file: " + configured.get());
        }
        this.font =
                configured.or(
                        () ->
                                SYSTEM_FONTS.stream()
                                        .map(Path::of)
                                        .filter(Files::isReadable)
                                        .findFirst());
        log.info(
                "Ticket PDFs use {}",
                font.map(Path::toString).orElse("Helvetica (no TrueType font found)"));
    }

    public byte[] render(PerformanceDetails details, String orderCode, List<Ticket> tickets) {
        try (PDDocument document = new PDDocument();
                TrueTypeFont trueType = loadFont()) {
            PDFont text =
                    trueType != null
                            ? PDType0Font.load(document, trueType, true)
                            : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (Ticket ticket : tickets) {
                page(document, text, details, orderCode, ticket);
            }
            document.getDocumentInformation().setTitle(details.event().title() + " — " + orderCode);
            document.getDocumentInformation().setCreator("Fengyun");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the ticket PDF", e);
        }
    }

    private void page(
            PDDocument document,
            PDFont font,
            PerformanceDetails details,
            String orderCode,
            Ticket ticket)
            throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        ZoneId zone = ZoneId.of(details.venue().timeZone());
        float left = 10 * MM;
        float width = PAGE.getWidth() - 20 * MM;
        PDImageXObject qr =
                LosslessFactory.createFromImage(document, QrCodes.image(ticket.qr(), 4));
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = PAGE.getHeight() - 16 * MM;
            y = line(content, font, 15, left, y, width, details.event().title());
            y -= 2 * MM;
            y =
                    line(
                            content,
                            font,
                            10,
                            left,
                            y,
                            width,
                            WHEN.format(details.performance().startsAt().atZone(zone))
                                    + "  "
                                    + zone.getId());
            y = line(content, font, 10, left, y, width, details.venue().name());
            if (details.venue().address() != null) {
                y = line(content, font, 8, left, y, width, details.venue().address());
            }
            y -= 3 * MM;
            String place =
                    ticket.zoneName()
                            + (ticket.seatLabel() != null ? "  ·  " + ticket.seatLabel() : "");
            y = line(content, font, 13, left, y, width, place);
            y = line(content, font, 10, left, y, width, ticket.holderName());
            float size = width;
            content.drawImage(qr, left, y - size - 2 * MM, size, size);
            y -= size + 6 * MM;
            y = line(content, font, 8, left, y, width, "Order " + orderCode);
            line(content, font, 8, left, y, width, "Ticket " + ticket.code());
        }
    }

    /** One line of text, cut to the width; returns the baseline of the next line. */
    private static float line(
            PDPageContentStream content,
            PDFont font,
            float size,
            float x,
            float y,
            float width,
            String text)
            throws IOException {
        String shown = printable(font, text);
        while (shown.length() > 1 && font.getStringWidth(shown) / 1000 * size > width) {
            shown = shown.substring(0, shown.length() - 2) + "…";
            shown = printable(font, shown);
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(shown);
        content.endText();
        return y - size * 1.35f;
    }

    /** The text with characters the font cannot show replaced by "?". */
    private static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .forEach(
                        c -> {
                            String s = new String(Character.toChars(c));
                            try {
                                font.encode(s);
                                out.append(s);
                            } catch (IOException | IllegalArgumentException e) {
                                out.append('?');
                            }
                        });
        return out.toString();
    }

    private TrueTypeFont loadFont() throws IOException {
        if (font.isEmpty()) {
            return null;
        }
        Path path = font.get();
        if (path.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(
                    f -> {
                        if (first[0] == null) {
                            first[0] = f;
                        }
                    });
            return first[0];
        }
        return new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
    }
}
