package dev.fengyun.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Buyers ask for refunds; organizers approve (everything is refunded) or decline. */
class RefundRequestIntegrationTests extends IntegrationTest {

    private Fixtures.Team team;
    private Fixtures.Performance show;
    private Api manager;

    @BeforeEach
    void onSale() {
        team = fixtures.team();
        Fixtures.Org org = new Fixtures.Org(team.slug(), team.member(OrganizerRole.OWNER));
        show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 2, 5, 0), 10, Map.of());
        manager = api.as(team.member(OrganizerRole.MANAGER).token());
    }

    @Test
    void anApprovedRequestRefundsEveryTicketAndFreesTheSeats() {
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("seatIds", List.of("block-1-1-1", "block-1-1-2")),
                        "r@example.com");
        fixtures.payAndFetch(placed);
        Api buyer = api.as(placed.json().get("accessToken").asString());
        String code = placed.json().get("code").asString();

        Api.Response requested =
                buyer.post(
                        "/api/v1/orders/" + code + "/refund-requests",
                        Map.of("reason", "I am ill"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(
                        buyer.post(
                                        "/api/v1/orders/" + code + "/refund-requests",
                                        Map.of("reason", "again"))
                                .json()
                                .get("code")
                                .asString())
                .isEqualTo("REFUND_ALREADY_REQUESTED");

        String base = "/api/v1/organizers/" + team.slug();
        JsonNode open =
                api.as(team.member(OrganizerRole.BOX_OFFICE).token())
                        .get(base + "/refund-requests")
                        .json()
                        .get("items");
        assertThat(open.findValuesAsString("orderCode")).containsExactly(code);
        assertThat(
                        api.as(team.member(OrganizerRole.BOX_OFFICE).token())
                                .post(base + "/orders/" + code + "/refund-request/approve", null)
                                .status())
                .isEqualTo(403);

        Api.Response approved =
                manager.post(
                        base + "/orders/" + code + "/refund-request/approve",
                        Map.of("note", "Get well soon"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(approved.json().get("tickets").findValuesAsString("status"))
                .containsOnly("REVOKED");
        assertThat(approved.json().get("refundRequest").get("status").asString())
                .isEqualTo("APPROVED");
        assertThat(
                        buyer.get("/api/v1/orders/" + code)
                                .json()
                                .get("refundRequest")
                                .get("note")
                                .asString())
                .isEqualTo("Get well soon");
        assertThat(manager.get(base + "/refund-requests").json().get("items")).isEmpty();
        // The seats are on sale again.
        fixtures.hold(show.id(), Map.of("seatIds", List.of("block-1-1-1", "block-1-1-2")));
    }

    @Test
    void aDeclinedRequestLeavesTheOrderAloneAndUnpaidOrdersCannotAsk() {
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 1), "d@example.com");
        Api buyer = api.as(placed.json().get("accessToken").asString());
        String code = placed.json().get("code").asString();
        assertThat(
                        buyer.post(
                                        "/api/v1/orders/" + code + "/refund-requests",
                                        Map.of("reason", "x"))
                                .json()
                                .get("code")
                                .asString())
                .isEqualTo("ORDER_NOT_PAID");
        fixtures.payAndFetch(placed);
        assertThat(
                        buyer.post(
                                        "/api/v1/orders/" + code + "/refund-requests",
                                        Map.of("reason", " "))
                                .status())
                .isEqualTo(400);
        buyer.post(
                "/api/v1/orders/" + code + "/refund-requests", Map.of("reason", "changed my mind"));

        String base = "/api/v1/organizers/" + team.slug() + "/orders/" + code + "/refund-request/";
        Api.Response declined =
                manager.post(base + "decline", Map.of("note", "No refunds for changes of plan"));
        assertThat(declined.json().get("status").asString()).isEqualTo("PAID");
        assertThat(declined.json().get("tickets").findValuesAsString("status"))
                .containsOnly("VALID");
        assertThat(declined.json().get("refundRequest").get("status").asString())
                .isEqualTo("DECLINED");
        assertThat(manager.post(base + "approve", null).json().get("code").asString())
                .isEqualTo("NO_REFUND_REQUEST");
    }
}
