package dev.fengyun.demo;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.catalog.Event;
import dev.fengyun.catalog.EventCategory;
import dev.fengyun.catalog.EventDraft;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceDraft;
import dev.fengyun.catalog.ZoneDraft;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.identity.Organizer;
import dev.fengyun.platform.DatabaseMode;
import dev.fengyun.platform.Money;
import dev.fengyun.platform.Settings;
import dev.fengyun.venue.Venue;
import dev.fengyun.venue.VenueDraft;
import dev.fengyun.venue.VenueManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo organizer on the first start, in one transaction (all or nothing) under an
 * advisory lock, so instances starting together seed it once. Later starts find the organizer and
 * leave everything as it is.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    static final String ORGANIZER = "fengyun-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String LOCK =
            "SELECT pg_advisory_xact_lock(hashtext('fengyun.demo-data'))";

    private final boolean enabled;
    private final IdentityManagement identity;
    private final VenueManagement venues;
    private final CatalogManagement catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoData(
            Settings settings,
            DatabaseMode databaseMode,
            IdentityManagement identity,
            VenueManagement venues,
            CatalogManagement catalog,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.enabled = settings.flag("FENGYUN_DEMO_DATA", databaseMode.embedded());
        this.identity = identity;
        this.venues = venues;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        transactions.executeWithoutResult(
                status -> {
                    jdbc.sql(LOCK).query(Object.class).optional();
                    if (identity.organizer(ORGANIZER).isEmpty()) {
                        seed();
                    }
                });
    }

    private void seed() {
        long started = System.nanoTime();
        Organizer organizer =
                identity.createOrganizer(ORGANIZER, "Fengyun Demo Productions 风云演出", null);
        long org = organizer.id();
        Venue theatre =
                venue(
                        org,
                        new VenueDraft(
                                "Grand Theatre 大剧院",
                                "300 Renmin Avenue",
                                "Shanghai",
                                "Asia/Shanghai"));
        venues.importPlan(org, theatre.id(), venues.generate(DemoVenues.theatre()), null);
        Venue arena =
                venue(
                        org,
                        new VenueDraft(
                                "Fengyun Arena 风云体育馆",
                                "1 Olympic Road",
                                "Beijing",
                                "Asia/Shanghai"));
        venues.importPlan(org, arena.id(), venues.generate(DemoVenues.arena()), null);

        Event ballet =
                catalog.createEvent(
                        org,
                        new EventDraft(
                                "天鹅湖 Swan Lake",
                                "Tchaikovsky's ballet in four acts, with live orchestra. 柴可夫斯基经典芭蕾舞剧，现场乐队伴奏。",
                                EventCategory.DANCE));
        for (int day : List.of(5, 6, 7)) {
            theatreShow(org, ballet, theatre, day, 880, 480, 180);
        }
        Event jazz =
                catalog.createEvent(
                        org,
                        new EventDraft(
                                "爵士之夜 Jazz Night",
                                "An evening of standards and new compositions. 经典与新作的爵士之夜。",
                                EventCategory.CONCERT));
        theatreShow(org, jazz, theatre, 12, 580, 380, 120);

        Event festival =
                catalog.createEvent(
                        org,
                        new EventDraft(
                                "风云音乐节 Fengyun Live",
                                "Ten bands, one night, standing floor and seated stands. 十支乐队，一夜狂欢。",
                                EventCategory.CONCERT));
        for (int day : List.of(9, 10)) {
            Performance show = performance(org, festival, arena, day);
            zone(
                    org,
                    show,
                    "Floor 内场",
                    ZoneKind.GENERAL_ADMISSION,
                    380,
                    List.of(),
                    10_000,
                    "floor");
            zone(org, show, "Lower tier 下层看台", ZoneKind.SEATED, 680, List.of("LOWER"), null, null);
            zone(org, show, "Upper tier 上层看台", ZoneKind.SEATED, 280, List.of("UPPER"), null, null);
            catalog.publish(org, show.id());
        }
        Event finals =
                catalog.createEvent(
                        org,
                        new EventDraft(
                                "篮球总决赛 Basketball Finals",
                                "Game 7 of the finals. 总决赛第七场。",
                                EventCategory.SPORTS));
        Performance game = performance(org, finals, arena, 14);
        zone(org, game, "Courtside 场边", ZoneKind.SEATED, 1280, List.of("LOWER"), null, null);
        zone(org, game, "Upper tier 上层看台", ZoneKind.SEATED, 380, List.of("UPPER"), null, null);
        catalog.publish(org, game.id());
        log.info(
                "Seeded demo organizer '{}' with performances on sale in {} ms",
                ORGANIZER,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void theatreShow(
            long org,
            Event event,
            Venue theatre,
            int day,
            long premium,
            long standard,
            long balcony) {
        Performance show = performance(org, event, theatre, day);
        zone(org, show, "Premium 贵宾席", ZoneKind.SEATED, premium, List.of("PREMIUM"), null, null);
        zone(org, show, "Standard 标准席", ZoneKind.SEATED, standard, List.of("STANDARD"), null, null);
        zone(org, show, "Balcony 楼座", ZoneKind.SEATED, balcony, List.of("BALCONY"), null, null);
        catalog.publish(org, show.id());
    }

    private Venue venue(long org, VenueDraft draft) {
        return venues.create(org, draft);
    }

    /** A performance at 19:30 local time, {@code days} from today, on sale from now. */
    private Performance performance(long org, Event event, Venue venue, int days) {
        ZoneId zone = ZoneId.of(venue.timeZone());
        Instant startsAt =
                LocalDate.now(clock.withZone(zone))
                        .plusDays(days)
                        .atTime(LocalTime.of(19, 30))
                        .atZone(zone)
                        .toInstant();
        return catalog.createPerformance(
                org,
                event.id(),
                new PerformanceDraft(
                        venue.id(),
                        startsAt,
                        startsAt.minusSeconds(3600),
                        null,
                        null,
                        null,
                        "CNY",
                        10,
                        15,
                        6,
                        12));
    }

    private void zone(
            long org,
            Performance show,
            String name,
            ZoneKind kind,
            long yuan,
            List<String> categories,
            Integer capacity,
            String area) {
        catalog.addZone(
                org,
                show.id(),
                new ZoneDraft(
                        name,
                        kind,
                        Money.of(yuan * 100, "CNY"),
                        categories,
                        capacity,
                        area,
                        null,
                        null));
    }
}
