package dev.fengyun.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The sale from a buyer's point of view: hold, order, pay, tickets; and what can go wrong. */
class SaleIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    private Fixtures.Org org;
    private Fixtures.Performance show;

    @BeforeEach
    void onSale() {
        org = fixtures.organizer();
        long venue = fixtures.venueWithHall(org, 1, 10, 20, 200);
        show = fixtures.publishedPerformance(org, venue, 100, Map.of("maxTicketsPerBuyer", 6));
    }

    @Test
    void holdOrderPayAndGetOneTicketPerSeat() {
        Api.Response hold =
                fixtures.hold(show.id(), Map.of("seatIds", List.of("block-1-1-5", "block-1-1-6")));
        JsonNode items = hold.json().get("items");
        assertThat(items.findValuesAsString("seatId"))
                .containsExactlyInAnyOrder("block-1-1-5", "block-1-1-6");
        assertThat(hold.json().get("total").get("amount").asString()).isEqualTo("200.00");
        assertThat(hold.json().get("expiresAt").asString()).isNotBlank();

        Api.Response placed =
                fixtures.order(hold.json().get("id").asString(), "li.lei@example.com");
        assertThat(placed.json().get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.json().get("code").asString()).startsWith("FY");
        assertThat(placed.json().get("accessToken").asString()).startsWith("fyo_");
        assertThat(placed.json().get("payment").get("redirectUrl").asString())
                .contains("/demo-gateway/payments/");

        JsonNode order = fixtures.payAndFetch(placed).json();
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("tickets")).hasSize(2);
        assertThat(order.get("tickets").findValuesAsString("seatId"))
                .containsExactlyInAnyOrder("block-1-1-5", "block-1-1-6");
        assertThat(order.get("tickets").findValuesAsString("status")).containsOnly("VALID");
        assertThat(order.get("payments").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(unitStatuses(List.of("block-1-1-5", "block-1-1-6"))).containsOnly("SOLD");

        Api.Response again =
                api.post(
                        "/api/v1/holds",
                        Map.of("performanceId", show.id(), "seatIds", List.of("block-1-1-5")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(again.json().get("seats").get(0).asString()).isEqualTo("block-1-1-5");
    }

    @Test
    void aReleasedHoldsSeatsCanBeHeldAgainAtOnce() {
        Api.Response hold =
                fixtures.hold(show.id(), Map.of("seatIds", List.of("block-1-2-1", "block-1-2-2")));
        String id = hold.json().get("id").asString();
        assertThat(
                        api.post(
                                        "/api/v1/holds",
                                        Map.of(
                                                "performanceId",
                                                show.id(),
                                                "seatIds",
                                                List.of("block-1-2-2")))
                                .status())
                .isEqualTo(409);
        assertThat(api.delete("/api/v1/holds/" + id).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/holds/" + id).status())
                .as("releasing twice is harmless")
                .isEqualTo(204);
        assertThat(api.get("/api/v1/holds/" + id).json().get("status").asString())
                .isEqualTo("RELEASED");
        fixtures.hold(show.id(), Map.of("seatIds", List.of("block-1-2-1", "block-1-2-2")));
    }

    @Test
    void answersHoldsItCannotGrantWithTheReason() {
        Api.Response unknown =
                api.post(
                        "/api/v1/holds",
                        Map.of("performanceId", show.id(), "seatIds", List.of("no-such-seat")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field"))
                .containsExactly("seatIds");

        Api.Response tooMany =
                api.post(
                        "/api/v1/holds",
                        Map.of(
                                "performanceId",
                                show.id(),
                                "zoneId",
                                show.zoneGa(),
                                "quantity",
                                11));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("code").asString()).isEqualTo("LIMIT_EXCEEDED");

        for (int i = 0; i < 10; i++) {
            fixtures.hold(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 10));
        }
        Api.Response soldOut =
                api.post(
                        "/api/v1/holds",
                        Map.of("performanceId", show.id(), "zoneId", show.zoneGa(), "quantity", 1));
        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.json().get("code").asString()).isEqualTo("SOLD_OUT");
        assertThat(soldOut.json().get("available").asLong()).isZero();

        fixtures.pause(org, show.id());
        try {
            Thread.sleep(1_100); // sale terms are cached for up to a second
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Api.Response paused =
                api.post(
                        "/api/v1/holds",
                        Map.of("performanceId", show.id(), "zoneId", show.zoneA(), "quantity", 1));
        assertThat(paused.status()).isEqualTo(422);
        assertThat(paused.json().get("code").asString()).isEqualTo("SALES_NOT_OPEN");
    }

    @Test
    void tellsHowManyAreLeftWhenFewerRemainThanAskedFor() {
        for (int i = 0; i < 9; i++) {
            fixtures.hold(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 10));
        }
        fixtures.hold(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 7));
        Api.Response fewer =
                api.post(
                        "/api/v1/holds",
                        Map.of("performanceId", show.id(), "zoneId", show.zoneGa(), "quantity", 5));
        assertThat(fewer.status()).isEqualTo(409);
        assertThat(fewer.json().get("available").asLong()).isEqualTo(3);
        assertThat(fewer.json().get("held").asLong()).isEqualTo(97);
        fixtures.hold(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 3));
    }

    @Test
    void aHoldThatFallsShortHoldsNothing() {
        fixtures.hold(show.id(), Map.of("seatIds", List.of("block-1-5-2")));
        Api.Response taken =
                api.post(
                        "/api/v1/holds",
                        Map.of(
                                "performanceId",
                                show.id(),
                                "seatIds",
                                List.of("block-1-5-1", "block-1-5-2", "block-1-5-3")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("seats")).hasSize(1);
        assertThat(taken.json().get("seats").get(0).asString()).isEqualTo("block-1-5-2");
        assertThat(unitStatuses(List.of("block-1-5-1", "block-1-5-3"))).containsOnly("AVAILABLE");

        fixtures.hold(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 10));
        jdbc.sql(
                        "UPDATE units SET status = 'SOLD' WHERE performance_id = :p AND zone_id = :z AND status = 'AVAILABLE' AND id NOT IN (SELECT id FROM units WHERE performance_id = :p AND zone_id = :z AND status = 'AVAILABLE' ORDER BY id LIMIT 2)")
                .param("p", show.id())
                .param("z", show.zoneGa())
                .update();
        Api.Response short_ =
                api.post(
                        "/api/v1/holds",
                        Map.of("performanceId", show.id(), "zoneId", show.zoneGa(), "quantity", 4));
        assertThat(short_.json().get("code").asString()).isEqualTo("SOLD_OUT");
        assertThat(short_.json().get("available").asLong()).isEqualTo(2);
        assertThat(
                        jdbc.sql(
                                        "SELECT count(*) FROM units WHERE performance_id = :p AND status = 'HELD'")
                                .param("p", show.id())
                                .query(Integer.class)
                                .single())
                .as("only the two earlier holds' units are held")
                .isEqualTo(11);
        assertThat(
                        jdbc.sql("SELECT count(*) FROM holds WHERE performance_id = :p")
                                .param("p", show.id())
                                .query(Integer.class)
                                .single())
                .as("failed holds leave no rows behind")
                .isEqualTo(2);
    }

    @Test
    void bestAvailablePicksNeighboursInTheFrontRowWithoutStrandingASeat() {
        fixtures.hold(show.id(), Map.of("seatIds", List.of("block-1-1-10", "block-1-1-11")));
        Api.Response best = fixtures.hold(show.id(), Map.of("zoneId", show.zoneA(), "quantity", 3));
        List<String> seats = best.json().get("items").findValuesAsString("seatId");
        assertThat(seats).allMatch(s -> s.startsWith("block-1-1-"));
        List<Integer> numbers =
                seats.stream()
                        .map(s -> Integer.parseInt(s.substring("block-1-1-".length())))
                        .sorted()
                        .toList();
        assertThat(numbers.get(2) - numbers.get(0)).as("neighbours").isEqualTo(2);
        assertThat(numbers).doesNotContain(10, 11);
        assertThat(numbers.get(0) != 13 && numbers.get(2) != 8)
                .as("no single seat stranded next to 10-11")
                .isTrue();
    }

    @Test
    void onlyTheTokenHolderOrTheirAccountMayReadAnOrder() {
        Fixtures.Account buyer = fixtures.account("signed-in");
        Api.Response hold = fixtures.hold(show.id(), Map.of("zoneId", show.zoneB(), "quantity", 1));
        Api.Response placed =
                api.as(buyer.token())
                        .post(
                                "/api/v1/orders",
                                Fixtures.orderBody(
                                        hold.json().get("id").asString(),
                                        buyer.email(),
                                        "Member",
                                        "demo"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String code = placed.json().get("code").asString();
        assertThat(api.get("/api/v1/orders/" + code).status()).isEqualTo(404);
        assertThat(api.as("fyo_wrong").get("/api/v1/orders/" + code).status()).isEqualTo(404);
        assertThat(
                        api.as(fixtures.account("stranger").token())
                                .get("/api/v1/orders/" + code)
                                .status())
                .isEqualTo(404);
        assertThat(api.as(buyer.token()).get("/api/v1/orders/" + code).status()).isEqualTo(200);
        assertThat(
                        api.as(buyer.token())
                                .get("/api/v1/me/orders")
                                .json()
                                .get("items")
                                .findValuesAsString("code"))
                .contains(code);
        assertThat(
                        api.as(placed.json().get("accessToken").asString())
                                .get("/api/v1/orders/" + code)
                                .status())
                .isEqualTo(200);
    }

    @Test
    void aBuyerCancelsBeforePayingAndTheSeatsReturn() {
        Api.Response hold = fixtures.hold(show.id(), Map.of("seatIds", List.of("block-1-3-1")));
        Api.Response placed =
                fixtures.order(hold.json().get("id").asString(), "cancel@example.com");
        Api token = api.as(placed.json().get("accessToken").asString());
        String code = placed.json().get("code").asString();
        assertThat(
                        token.post("/api/v1/orders/" + code + "/cancel", null)
                                .json()
                                .get("status")
                                .asString())
                .isEqualTo("CANCELLED");
        assertThat(unitStatuses(List.of("block-1-3-1"))).containsOnly("AVAILABLE");
        String payment = placed.json().get("payment").get("id").asString();
        api.post("/demo-gateway/payments/" + payment + "/succeed", null);
        JsonNode after = token.get("/api/v1/orders/" + code).json();
        assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(after.get("payments").get(0).get("status").asString())
                .as("a late payment is refunded")
                .isEqualTo("REFUNDED");
        assertThat(token.post("/api/v1/orders/" + code + "/cancel", null).status()).isEqualTo(409);
    }

    @Test
    void theLimitPerBuyerHoldsAcrossOrders() {
        String email = "greedy-" + Fixtures.unique() + "@example.com";
        fixtures.payAndFetch(
                fixtures.holdAndOrder(
                        show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 4), email));
        Api.Response hold =
                fixtures.hold(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 3));
        Api.Response refused =
                api.post(
                        "/api/v1/orders",
                        Fixtures.orderBody(
                                hold.json().get("id").asString(),
                                email.toUpperCase(),
                                "Greedy",
                                "demo"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(refused.json().get("limit").asInt()).isEqualTo(6);
        fixtures.holdAndOrder(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 2), email);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResult() {
        Api keyed = api.header("Idempotency-Key", "hold-" + Fixtures.unique());
        Map<String, Object> body =
                Map.of("performanceId", show.id(), "zoneId", show.zoneGa(), "quantity", 2);
        Api.Response first = keyed.post("/api/v1/holds", body);
        Api.Response replay = keyed.post("/api/v1/holds", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(
                        jdbc.sql(
                                        "SELECT count(*) FROM units WHERE performance_id = :p AND status = 'HELD'")
                                .param("p", show.id())
                                .query(Integer.class)
                                .single())
                .isEqualTo(2);
        Api.Response otherBody =
                keyed.post(
                        "/api/v1/holds",
                        Map.of("performanceId", show.id(), "zoneId", show.zoneGa(), "quantity", 3));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aFreeTicketIsIssuedAtOnce() {
        String zone =
                "/api/v1/organizers/"
                        + org.slug()
                        + "/performances/"
                        + show.id()
                        + "/zones/"
                        + show.zoneGa();
        Api.Response changed =
                api.as(org.owner().token())
                        .put(
                                zone,
                                Map.of(
                                        "name",
                                        "Free standing",
                                        "kind",
                                        "GENERAL_ADMISSION",
                                        "price",
                                        Fixtures.price("0"),
                                        "capacity",
                                        100));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("zoneId", show.zoneGa(), "quantity", 2),
                        "free@example.com");
        assertThat(placed.json().get("status").asString()).isEqualTo("PAID");
        assertThat(placed.json().get("tickets")).hasSize(2);
        assertThat(placed.json().get("payment").get("redirectUrl").isNull()).isTrue();
    }

    private List<String> unitStatuses(List<String> seats) {
        return jdbc.sql(
                        "SELECT status FROM units WHERE performance_id = :p AND seat_id IN (:seats)")
                .param("p", show.id())
                .param("seats", seats)
                .query(String.class)
                .list();
    }
}
