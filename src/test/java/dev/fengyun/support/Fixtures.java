package dev.fengyun.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.identity.OrganizerRole;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds realistic data through the public API, as a user would. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    /** A unique lower-case suffix for slugs and e-mails. */
    public static String unique() {
        return RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public String adminToken() {
        return token(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
    }

    /** Registers an account and returns an API token for it. */
    public Account account(String namePrefix) {
        String email = namePrefix + "-" + unique() + "@example.com";
        String password = "password-" + unique();
        Api.Response registered =
                api.post(
                        "/api/v1/auth/register",
                        Map.of("email", email, "password", password, "name", namePrefix));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Account(
                registered.json().get("id").asLong(), email, password, token(email, password));
    }

    public String token(String email, String password) {
        Api.Response response =
                api.post("/api/v1/auth/tokens", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("token").asString();
    }

    /** A new organizer owned by a new account. */
    public Org organizer() {
        Account owner = account("owner");
        String slug = "org-" + unique();
        Api.Response created =
                api.as(adminToken())
                        .post(
                                "/api/v1/organizers",
                                Map.of(
                                        "id",
                                        slug,
                                        "name",
                                        "Organizer " + slug,
                                        "ownerEmail",
                                        owner.email()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Org(slug, owner);
    }

    /** An organizer with one member per role. */
    public Team team() {
        Org org = organizer();
        Map<OrganizerRole, Account> members = new EnumMap<>(OrganizerRole.class);
        members.put(OrganizerRole.OWNER, org.owner());
        for (OrganizerRole role : OrganizerRole.values()) {
            if (role == OrganizerRole.OWNER) {
                continue;
            }
            Account member = account(role.name().toLowerCase().replace('_', '-'));
            Api.Response added =
                    api.as(org.owner().token())
                            .post(
                                    "/api/v1/organizers/" + org.slug() + "/members",
                                    Map.of("email", member.email(), "role", role.name()));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            members.put(role, member);
        }
        return new Team(org.slug(), members);
    }

    /**
     * A venue with a generated hall: blocks of {@code rows} × {@code seatsPerRow}, categories A
     * (front half) and B.
     */
    public long venueWithHall(Org org, int blocks, int rows, int seatsPerRow, int standing) {
        Api owner = api.as(org.owner().token());
        Api.Response venue =
                owner.post(
                        "/api/v1/organizers/" + org.slug() + "/venues",
                        Map.of(
                                "name",
                                "Hall " + unique(),
                                "city",
                                "Hangzhou",
                                "timeZone",
                                "Asia/Shanghai"));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        long venueId = venue.json().get("id").asLong();
        java.util.List<Map<String, Object>> blockList = new java.util.ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            blockList.add(
                    Map.of(
                            "name",
                            "Block " + (b + 1),
                            "shape",
                            "RECTANGLE",
                            "rows",
                            rows,
                            "seatsPerRow",
                            seatsPerRow,
                            "x",
                            b * (seatsPerRow * 30 + 60),
                            "y",
                            200,
                            "categories",
                            java.util.List.of(
                                    Map.of("from", 1, "to", Math.max(1, rows / 2), "category", "A"),
                                    Map.of(
                                            "from",
                                            Math.min(rows, rows / 2 + 1),
                                            "to",
                                            rows,
                                            "category",
                                            "B"))));
        }
        Map<String, Object> layout = new java.util.HashMap<>();
        layout.put("name", "Generated hall");
        layout.put("blocks", blockList);
        layout.put("stage", Map.of("x", 0, "y", 0, "width", 400, "height", 80));
        if (standing > 0) {
            layout.put(
                    "standing",
                    java.util.List.of(
                            Map.of(
                                    "name",
                                    "Floor",
                                    "key",
                                    "floor",
                                    "capacity",
                                    standing,
                                    "category",
                                    "FLOOR",
                                    "x",
                                    0,
                                    "y",
                                    -400,
                                    "width",
                                    400,
                                    "height",
                                    300)));
        }
        Api.Response plan =
                owner.post(
                        "/api/v1/organizers/"
                                + org.slug()
                                + "/venues/"
                                + venueId
                                + "/plan/generate",
                        layout);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        return venueId;
    }

    /**
     * A published performance: seated zones A and B (100.00 and 50.00 CNY) and, with {@code
     * generalAdmission} places, a general-admission zone (30.00 CNY). Sales are open now.
     */
    public Performance publishedPerformance(
            Org org, long venueId, int generalAdmission, Map<String, Object> overrides) {
        Api owner = api.as(org.owner().token());
        String base = "/api/v1/organizers/" + org.slug();
        Api.Response event =
                owner.post(
                        base + "/events",
                        Map.of("title", "Show " + unique(), "category", "CONCERT"));
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        long eventId = event.json().get("id").asLong();
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("venueId", venueId);
        body.put("startsAt", java.time.OffsetDateTime.now().plusDays(30).withNano(0).toString());
        body.putAll(overrides);
        Api.Response performance = owner.post(base + "/events/" + eventId + "/performances", body);
        assertThat(performance.status()).as(performance.body()).isEqualTo(201);
        long performanceId = performance.json().get("id").asLong();
        String zones = base + "/performances/" + performanceId + "/zones";
        long zoneA =
                zone(
                        owner,
                        zones,
                        Map.of(
                                "name",
                                "A",
                                "kind",
                                "SEATED",
                                "price",
                                price("100.00"),
                                "categories",
                                java.util.List.of("A")));
        long zoneB =
                zone(
                        owner,
                        zones,
                        Map.of(
                                "name",
                                "B",
                                "kind",
                                "SEATED",
                                "price",
                                price("50.00"),
                                "categories",
                                java.util.List.of("B")));
        Long zoneGa = null;
        if (generalAdmission > 0) {
            zoneGa =
                    zone(
                            owner,
                            zones,
                            Map.of(
                                    "name",
                                    "Standing",
                                    "kind",
                                    "GENERAL_ADMISSION",
                                    "price",
                                    price("30.00"),
                                    "capacity",
                                    generalAdmission));
        }
        long started = System.nanoTime();
        Api.Response published =
                owner.post(base + "/performances/" + performanceId + "/publish", null);
        long publishMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return new Performance(
                org.slug(), eventId, performanceId, zoneA, zoneB, zoneGa, publishMillis);
    }

    /** Pauses a performance's sale as its organizer's owner; asserts 200. */
    public void pause(Org org, long performanceId) {
        Api.Response paused =
                api.as(org.owner().token())
                        .post(
                                "/api/v1/organizers/"
                                        + org.slug()
                                        + "/performances/"
                                        + performanceId
                                        + "/pause",
                                null);
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    }

    /** Holds seats or a quantity; asserts 201 and returns the response. */
    public Api.Response hold(long performanceId, Map<String, Object> what) {
        Map<String, Object> body = new java.util.HashMap<>(what);
        body.put("performanceId", performanceId);
        Api.Response hold = api.post("/api/v1/holds", body);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        return hold;
    }

    /** Holds seats or a quantity and orders them as a guest; returns the order's 201 response. */
    public Api.Response holdAndOrder(long performanceId, Map<String, Object> what, String email) {
        return order(hold(performanceId, what).json().get("id").asString(), email);
    }

    /** The body of {@code POST /api/v1/orders}. */
    public static Map<String, Object> orderBody(
            String holdId, String email, String name, String paymentMethod) {
        return Map.of(
                "holdId", holdId, "email", email, "name", name, "paymentMethod", paymentMethod);
    }

    /** Orders a hold as a guest paying with the demo gateway; returns the 201 response. */
    public Api.Response order(String holdId, String email) {
        Api.Response order =
                api.post("/api/v1/orders", orderBody(holdId, email, "Guest Buyer", "demo"));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order;
    }

    /** Pays an order's demo payment as an API client and returns the order as the buyer sees it. */
    public Api.Response payAndFetch(Api.Response placed) {
        String payment = placed.json().get("payment").get("id").asString();
        Api.Response paid = api.post("/demo-gateway/payments/" + payment + "/succeed", null);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return api.as(placed.json().get("accessToken").asString())
                .get("/api/v1/orders/" + placed.json().get("code").asString());
    }

    private static long zone(Api owner, String path, Map<String, Object> body) {
        Api.Response zone = owner.post(path, body);
        assertThat(zone.status()).as(zone.body()).isEqualTo(201);
        return zone.json().get("id").asLong();
    }

    public static Map<String, String> price(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** A published performance; {@code publishMillis} is how long the publish request took. */
    public record Performance(
            String org,
            long eventId,
            long id,
            long zoneA,
            long zoneB,
            Long zoneGa,
            long publishMillis) {}

    public record Account(long id, String email, String password, String token) {}

    public record Org(String slug, Account owner) {}

    public record Team(String slug, Map<OrganizerRole, Account> members) {
        public Account member(OrganizerRole role) {
            return members.get(role);
        }
    }
}
