package dev.fengyun.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The organizer's side: refunds, cancellations, the box office and the audit trail. */
class OrderDeskIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    private Fixtures.Team team;
    private Fixtures.Org org;
    private Fixtures.Performance show;
    private Api manager;
    private String orders;

    @BeforeEach
    void onSale() {
        team = fixtures.team();
        org = new Fixtures.Org(team.slug(), team.member(OrganizerRole.OWNER));
        long venue = fixtures.venueWithHall(org, 1, 6, 10, 0);
        show = fixtures.publishedPerformance(org, venue, 50, Map.of());
        manager = api.as(team.member(OrganizerRole.MANAGER).token());
        orders = "/api/v1/organizers/" + team.slug() + "/orders/";
    }

    @Test
    void cancellingAPaidOrderRefundsItAndCanKeepTheSeatsOffSale() {
        JsonNode paid =
                fixtures.payAndFetch(
                                fixtures.holdAndOrder(
                                        show.id(),
                                        Map.of("seatIds", List.of("block-1-1-1", "block-1-1-2")),
                                        "full@example.com"))
                        .json();
        Api.Response cancelled =
                manager.post(
                        orders + paid.get("code").asString() + "/cancel",
                        Map.of("blockSeats", true, "reason", "double booking"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(cancelled.json().get("tickets").findValuesAsString("status"))
                .containsOnly("REVOKED");
        assertThat(cancelled.json().get("payments").get(0).get("status").asString())
                .isEqualTo("REFUNDED");
        assertThat(cancelled.json().get("payments").get(0).get("refunded").get("amount").asString())
                .isEqualTo("200.00");
        assertThat(statusOf("block-1-1-1")).isEqualTo("BLOCKED");
        assertThat(
                        api.post(
                                        "/api/v1/holds",
                                        Map.of(
                                                "performanceId",
                                                show.id(),
                                                "seatIds",
                                                List.of("block-1-1-1")))
                                .status())
                .isEqualTo(409);

        JsonNode history =
                manager.get(orders + paid.get("code").asString() + "/history").json().get("items");
        assertThat(history.findValuesAsString("action"))
                .containsExactly("PLACED", "PAID", "REFUNDED");
        assertThat(history.get(2).get("actor").asString())
                .isEqualTo(team.member(OrganizerRole.MANAGER).email());
    }

    @Test
    void refundingOneTicketReturnsItsSeatToSale() {
        JsonNode paid =
                fixtures.payAndFetch(
                                fixtures.holdAndOrder(
                                        show.id(),
                                        Map.of("seatIds", List.of("block-1-2-1", "block-1-2-2")),
                                        "part@example.com"))
                        .json();
        String ticket = paid.get("tickets").get(0).get("id").asString();
        Api.Response refunded =
                manager.post(
                        orders + paid.get("code").asString() + "/refunds",
                        Map.of("ticketIds", List.of(ticket)));
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().get("status").asString()).isEqualTo("PAID");
        assertThat(refunded.json().get("payments").get(0).get("status").asString())
                .isEqualTo("PARTIALLY_REFUNDED");
        assertThat(refunded.json().get("tickets").findValuesAsString("status"))
                .containsExactlyInAnyOrder("REVOKED", "VALID");
        String seat = paid.get("tickets").get(0).get("seatId").asString();
        assertThat(statusOf(seat)).isEqualTo("AVAILABLE");
        fixtures.hold(show.id(), Map.of("seatIds", List.of(seat)));

        Api.Response twice =
                manager.post(
                        orders + paid.get("code").asString() + "/refunds",
                        Map.of("ticketIds", List.of(ticket)));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").findValuesAsString("field"))
                .containsExactly("ticketIds");
    }

    @Test
    void theBoxOfficeSellsInOneStep() {
        Api boxOffice = api.as(team.member(OrganizerRole.BOX_OFFICE).token());
        Api.Response sale =
                boxOffice.post(
                        "/api/v1/organizers/" + team.slug() + "/box-office/sales",
                        Map.of(
                                "performanceId",
                                show.id(),
                                "zoneId",
                                show.zoneGa(),
                                "quantity",
                                3,
                                "name",
                                "Walk-in"));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.json().get("status").asString()).isEqualTo("PAID");
        assertThat(sale.json().get("channel").asString()).isEqualTo("BOX_OFFICE");
        assertThat(sale.json().get("tickets")).hasSize(3);
        assertThat(sale.json().get("payments").get(0).get("method").asString())
                .isEqualTo("offline");

        Api scanner = api.as(team.member(OrganizerRole.SCANNER).token());
        assertThat(
                        scanner.post(
                                        "/api/v1/organizers/" + team.slug() + "/box-office/sales",
                                        Map.of(
                                                "performanceId",
                                                show.id(),
                                                "zoneId",
                                                show.zoneGa(),
                                                "quantity",
                                                1,
                                                "name",
                                                "X"))
                                .status())
                .isEqualTo(403);

        Api.Response found =
                boxOffice.get(
                        "/api/v1/organizers/"
                                + team.slug()
                                + "/orders?q="
                                + sale.json().get("code").asString());
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        Api.Response soldOut =
                boxOffice.post(
                        "/api/v1/organizers/" + team.slug() + "/box-office/sales",
                        Map.of(
                                "performanceId",
                                show.id(),
                                "zoneId",
                                show.zoneGa(),
                                "quantity",
                                48,
                                "name",
                                "Group"));
        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.json().get("available").asLong()).isEqualTo(47);
    }

    @Test
    void buyersCannotChooseToPayAtTheBoxOffice() {
        Api.Response hold =
                fixtures.hold(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 1));
        Api.Response refused =
                api.post(
                        "/api/v1/orders",
                        Fixtures.orderBody(
                                hold.json().get("id").asString(), "x@example.com", "X", "offline"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactly("paymentMethod");
    }

    @Test
    void cancellingThePerformanceRefundsEveryPaidOrderAndClosesUnpaidOnes() {
        JsonNode paid =
                fixtures.payAndFetch(
                                fixtures.holdAndOrder(
                                        show.id(),
                                        Map.of("zoneId", show.zoneGa(), "quantity", 2),
                                        "p1@example.com"))
                        .json();
        Api.Response unpaid =
                fixtures.holdAndOrder(
                        show.id(), Map.of("zoneId", show.zoneA(), "quantity", 1), "p2@example.com");
        api.as(org.owner().token())
                .post(
                        "/api/v1/organizers/"
                                + team.slug()
                                + "/performances/"
                                + show.id()
                                + "/cancel",
                        null);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            JsonNode refunded =
                                    manager.get(orders + paid.get("code").asString()).json();
                            assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
                            assertThat(refunded.get("payments").get(0).get("status").asString())
                                    .isEqualTo("REFUNDED");
                            assertThat(
                                            manager.get(
                                                            orders
                                                                    + unpaid.json()
                                                                            .get("code")
                                                                            .asString())
                                                    .json()
                                                    .get("status")
                                                    .asString())
                                    .isEqualTo("CANCELLED");
                        });
    }

    private String statusOf(String seat) {
        return jdbc.sql("SELECT status FROM units WHERE performance_id = :p AND seat_id = :s")
                .param("p", show.id())
                .param("s", seat)
                .query(String.class)
                .single();
    }
}
