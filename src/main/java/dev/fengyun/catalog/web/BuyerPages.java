package dev.fengyun.catalog.web;

import dev.fengyun.catalog.EventCategory;
import dev.fengyun.catalog.Listing;
import dev.fengyun.catalog.ListingQuery;
import dev.fengyun.catalog.PerformanceDetails;
import dev.fengyun.catalog.PerformanceStatus;
import dev.fengyun.catalog.Posters;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.catalog.Zone;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.platform.ClientMessages;
import dev.fengyun.platform.Formats;
import dev.fengyun.platform.Money;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The buyer's pages: what is on, an event, and a performance's seat map. */
@Controller
class BuyerPages {

    /**
     * The date filter reads dates as calendar days in China Standard Time, where Fengyun's audience
     * is; a performance's own times are always shown in its venue's zone.
     */
    static final ZoneId SEARCH_ZONE = ZoneId.of("Asia/Shanghai");

    private static final int PAGE_SIZE = 24;

    /** Texts the seat page's script shows, from the {@code seats.} bundle keys. */
    private static final List<String> SEAT_TEXTS =
            List.of(
                    "available",
                    "taken",
                    "selected",
                    "none",
                    "tooMany",
                    "holding",
                    "error.SEATS_UNAVAILABLE",
                    "error.SOLD_OUT",
                    "error.SALES_NOT_OPEN",
                    "error.LIMIT_EXCEEDED",
                    "error.VALIDATION_FAILED",
                    "error.ADMISSION_REQUIRED",
                    "error.VERIFIED_ACCOUNT_REQUIRED",
                    "error.CHALLENGE_INVALID",
                    "error.RATE_LIMITED",
                    "checking",
                    "error.other");

    private final Storefront storefront;
    private final Formats formats;
    private final ClientMessages messages;
    private final JsonMapper json;
    private final Clock clock;

    private final Posters posters;

    BuyerPages(
            Storefront storefront,
            Formats formats,
            ClientMessages messages,
            JsonMapper json,
            Clock clock,
            Posters posters) {
        this.posters = posters;
        this.storefront = storefront;
        this.formats = formats;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        EventCategory chosenCategory = parse(category);
        Optional<LocalDate> day = day(date);
        ListingQuery query =
                new ListingQuery(
                        null,
                        blankToNull(city),
                        day.map(d -> d.atStartOfDay(SEARCH_ZONE).toInstant()).orElse(null),
                        day.map(d -> d.plusDays(1).atStartOfDay(SEARCH_ZONE).toInstant())
                                .orElse(null),
                        chosenCategory,
                        blankToNull(q),
                        null,
                        Math.max(1, page),
                        PAGE_SIZE);
        Page<Listing> listings = storefront.listings(query);
        model.addAttribute("onSale", listings.items().stream().filter(Listing::salesOpen).toList());
        model.addAttribute(
                "upcoming", listings.items().stream().filter(l -> !l.salesOpen()).toList());
        model.addAttribute("total", listings.total());
        model.addAttribute("posters", posterUrls(listings.items()));
        model.addAttribute("page", Math.max(1, page));
        model.addAttribute("pages", (listings.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("categories", EventCategory.values());
        model.addAttribute("q", q);
        model.addAttribute("city", city);
        model.addAttribute("category", chosenCategory);
        model.addAttribute("date", day.map(LocalDate::toString).orElse(""));
        model.addAttribute(
                "searched",
                query.text() != null
                        || query.city() != null
                        || chosenCategory != null
                        || day.isPresent());
        return "catalog/home";
    }

    /** Signed poster URLs by event id, for the listing cards that have a poster. */
    private Map<Long, Posters.PosterUrls> posterUrls(List<Listing> listings) {
        Map<Long, Posters.PosterUrls> urls = new HashMap<>();
        for (Listing listing : listings) {
            Posters.PosterUrls poster = posters.urls(listing.posterRef());
            if (poster != null) {
                urls.put(listing.eventId(), poster);
            }
        }
        return urls;
    }

    @GetMapping("/events/{id}")
    String event(@PathVariable long id, Model model) {
        Storefront.EventDetails details = storefront.event(id);
        model.addAttribute("event", details.event());
        model.addAttribute("poster", posters.urls(details.event().posterRef()));
        model.addAttribute(
                "performances",
                details.performances().stream()
                        .map(l -> new PerformanceRow(l, lowestPrice(l)))
                        .toList());
        return "catalog/event";
    }

    @GetMapping("/performances/{id}")
    String performance(@PathVariable long id, Model model, Locale locale) {
        PerformanceDetails details = storefront.performance(id);
        List<Zone> zones = details.performance().zones();
        model.addAttribute("details", details);
        model.addAttribute("performance", details.performance());
        model.addAttribute("timeZone", details.venue().timeZone());
        model.addAttribute(
                "salesOpen",
                details.status() == PerformanceStatus.ON_SALE
                        && details.performance().salesOpen(clock.instant()));
        Instant salesStart = details.performance().salesStartAt();
        model.addAttribute(
                "salesFrom",
                details.status() == PerformanceStatus.ON_SALE
                                && salesStart != null
                                && clock.instant().isBefore(salesStart)
                        ? salesStart
                        : null);
        model.addAttribute(
                "zones",
                zones.stream()
                        .map(
                                z ->
                                        new ZoneRow(
                                                z,
                                                Storefront.colorOf(z, zones),
                                                details.counts().containsKey(z.id())
                                                        ? details.counts().get(z.id()).available()
                                                        : 0))
                        .toList());
        model.addAttribute(
                "zonesJson",
                json.writeValueAsString(
                        zones.stream()
                                .map(
                                        z ->
                                                new ClientZone(
                                                        z.id(),
                                                        z.name(),
                                                        z.kind().name(),
                                                        formats.money(z.price()),
                                                        z.price().minor(),
                                                        z.price().currency()))
                                .toList()));
        model.addAttribute("messages", messages.json(locale, "seats.", SEAT_TEXTS));
        boolean seated = zones.stream().anyMatch(z -> z.kind() == ZoneKind.SEATED);
        model.addAttribute("seatMap", seated ? storefront.seatMapSvg(id) : null);
        return "catalog/performance";
    }

    /** A performance on the event page, with its lowest price (null when it has no zones). */
    record PerformanceRow(Listing listing, Money from) {}

    /** A zone as the seat page's script needs it; {@code minor} adds up totals. */
    record ClientZone(
            long id, String name, String kind, String price, long minor, String currency) {}

    /** A zone in the legend: its colour on the map and how many places it has left. */
    record ZoneRow(Zone zone, String color, long available) {}

    private Money lowestPrice(Listing listing) {
        try {
            return storefront.performance(listing.id()).performance().zones().stream()
                    .map(Zone::price)
                    .min(Comparator.comparingLong(Money::minor))
                    .orElse(null);
        } catch (NotFound e) {
            return null;
        }
    }

    private static EventCategory parse(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return EventCategory.valueOf(category);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<LocalDate> day(String date) {
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
