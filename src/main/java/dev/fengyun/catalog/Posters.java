package dev.fengyun.catalog;

import dev.fengyun.catalog.internal.Events;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.RandomCodes;
import dev.fengyun.storage.ObjectStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event posters: an uploaded JPEG or PNG is checked by its content (not its name or declared type),
 * and kept with two server-made JPEG sizes, a 1200-pixel-wide one for the event page and a
 * 400-pixel-wide thumbnail for listings, in the object store under {@code
 * posters/<event>/<random>}. Pages and the API hand them out as signed URLs that expire.
 */
@Service
public class Posters {

    /** The largest upload accepted. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    /** Neither side may be larger (decoding a huge image costs memory). */
    static final int MAX_SIDE = 8000;

    static final int LARGE_WIDTH = 1200;
    static final int THUMB_WIDTH = 400;

    /** How long a poster URL works; long enough for cached pages and listings. */
    public static final Duration URL_VALIDITY = Duration.ofHours(24);

    private final ObjectStore store;
    private final Events events;
    private final CatalogManagement catalog;
    private final Storefront storefront;

    Posters(ObjectStore store, Events events, CatalogManagement catalog, Storefront storefront) {
        this.store = store;
        this.events = events;
        this.catalog = catalog;
        this.storefront = storefront;
    }

    /** The URLs of a poster by its reference (the key prefix), or null without a poster. */
    public record PosterUrls(String large, String thumbnail) {}

    public PosterUrls urls(String posterRef) {
        if (posterRef == null || !posterRef.startsWith("posters/")) {
            return null;
        }
        return new PosterUrls(
                store.signedUrl(posterRef + "/large.jpg", URL_VALIDITY),
                store.signedUrl(posterRef + "/thumb.jpg", URL_VALIDITY));
    }

    /**
     * Stores a new poster for the event, replacing (and deleting) the old one.
     *
     * @throws InvalidInput ({@code file}) for anything but a JPEG or PNG within the limits
     */
    @Transactional
    public Event upload(long organizerId, long eventId, byte[] content) {
        Event event = catalog.event(organizerId, eventId);
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new InvalidInput("file", "Size", "must be a JPEG or PNG of at most 8 MB");
        }
        Decoded decoded = decode(content);
        String ref = "posters/" + eventId + "/" + RandomCodes.code(10).toLowerCase(Locale.ROOT);
        store.put(
                ref + "/original." + decoded.format(),
                content,
                "image/" + (decoded.format().equals("jpg") ? "jpeg" : "png"));
        store.put(ref + "/large.jpg", jpeg(scaled(decoded.image(), LARGE_WIDTH)), "image/jpeg");
        store.put(ref + "/thumb.jpg", jpeg(scaled(decoded.image(), THUMB_WIDTH)), "image/jpeg");
        events.setPoster(eventId, ref);
        remove(event.posterRef());
        forgetListings(organizerId, eventId);
        return events.find(eventId).orElseThrow();
    }

    @Transactional
    public Event delete(long organizerId, long eventId) {
        Event event = catalog.event(organizerId, eventId);
        events.setPoster(eventId, null);
        remove(event.posterRef());
        forgetListings(organizerId, eventId);
        return events.find(eventId).orElseThrow();
    }

    private void forgetListings(long organizerId, long eventId) {
        for (Performance performance : catalog.performances(organizerId, eventId)) {
            storefront.forget(performance.id());
        }
    }

    private void remove(String posterRef) {
        if (posterRef != null && posterRef.startsWith("posters/")) {
            for (String name :
                    new String[] {"original.jpg", "original.png", "large.jpg", "thumb.jpg"}) {
                store.delete(posterRef + "/" + name);
            }
        }
    }

    private record Decoded(BufferedImage image, String format) {}

    private static Decoded decode(byte[] content) {
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("jpeg") && !format.equals("png")) {
                    throw notAnImage();
                }
                reader.setInput(in, true, true);
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw new InvalidInput(
                            "file",
                            "Dimensions",
                            "must be at most " + MAX_SIDE + " pixels on each side");
                }
                return new Decoded(reader.read(0), format.equals("jpeg") ? "jpg" : "png");
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw notAnImage();
        }
    }

    private static InvalidInput notAnImage() {
        return new InvalidInput("file", "ImageType", "must be a JPEG or PNG image");
    }

    private static BufferedImage scaled(BufferedImage image, int maxWidth) {
        int width = Math.min(maxWidth, image.getWidth());
        int height =
                Math.max(1, Math.round(image.getHeight() * (width / (float) image.getWidth())));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE); // transparent PNG areas become white, not black
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
