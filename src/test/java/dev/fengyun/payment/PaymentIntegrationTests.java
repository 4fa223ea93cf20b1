package dev.fengyun.payment;

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

/** Paying for an order: late, forged, duplicate and failed payments. */
class PaymentIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    private Fixtures.Performance show;

    @BeforeEach
    void onSale() {
        Fixtures.Org org = fixtures.organizer();
        long venue = fixtures.venueWithHall(org, 1, 10, 20, 200);
        show = fixtures.publishedPerformance(org, venue, 100, Map.of());
    }

    @Test
    void aPaymentThatArrivesAfterTheSeatsWereResoldIsRefunded() {
        Api.Response first =
                fixtures.holdAndOrder(
                        show.id(), Map.of("seatIds", List.of("block-1-4-1")), "slow@example.com");
        // The payment window passes without payment…
        jdbc.sql(
                        "UPDATE units SET held_until = now() - interval '1 second' WHERE performance_id = :p AND seat_id = 'block-1-4-1'")
                .param("p", show.id())
                .update();
        jdbc.sql("UPDATE orders SET payment_due_at = now() - interval '1 second' WHERE code = :c")
                .param("c", first.json().get("code").asString())
                .update();
        // …and someone else buys the seat.
        JsonNode second =
                fixtures.payAndFetch(
                                fixtures.holdAndOrder(
                                        show.id(),
                                        Map.of("seatIds", List.of("block-1-4-1")),
                                        "quick@example.com"))
                        .json();
        assertThat(second.get("status").asString()).isEqualTo("PAID");

        JsonNode late = fixtures.payAndFetch(first).json();
        assertThat(late.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(late.get("tickets")).isEmpty();
        assertThat(late.get("payments").get(0).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(
                        jdbc.sql(
                                        "SELECT count(*) FROM tickets WHERE performance_id = :p AND seat_id = 'block-1-4-1' AND status = 'VALID'")
                                .param("p", show.id())
                                .query(Integer.class)
                                .single())
                .isEqualTo(1);
    }

    @Test
    void forgedAndDuplicateCallbacksChangeNothing() {
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("zoneId", show.zoneGa(), "quantity", 1),
                        "cb@example.com");
        String payment = placed.json().get("payment").get("id").asString();
        String body =
                "{\"payment\":\""
                        + payment
                        + "\",\"outcome\":\"SUCCEEDED\",\"reference\":\"x\",\"amount\":\"30.00\",\"currency\":\"CNY\"}";
        Api.Response forged =
                api.header(
                                "Fengyun-Demo-Signature",
                                "t=" + (System.currentTimeMillis() / 1000) + ",v1=00ff")
                        .post("/api/v1/payments/callbacks/demo", body);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("code").asString()).isEqualTo("INVALID_CALLBACK");
        assertThat(api.post("/api/v1/payments/callbacks/demo", body).status())
                .as("unsigned")
                .isEqualTo(401);

        assertThat(api.post("/demo-gateway/payments/" + payment + "/succeed", null).status())
                .isEqualTo(200);
        assertThat(api.post("/demo-gateway/payments/" + payment + "/succeed", null).status())
                .isEqualTo(200);
        JsonNode order =
                api.as(placed.json().get("accessToken").asString())
                        .get("/api/v1/orders/" + placed.json().get("code").asString())
                        .json();
        assertThat(order.get("tickets")).hasSize(1);
        assertThat(
                        jdbc.sql(
                                        "SELECT count(*) FROM payment_ledger l JOIN payments p ON p.id = l.payment_id WHERE p.code = :c AND l.kind = 'CONFIRMED'")
                                .param("c", payment)
                                .query(Integer.class)
                                .single())
                .isEqualTo(1);
    }

    @Test
    void aFailedPaymentCanBeRetried() {
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("zoneId", show.zoneB(), "quantity", 2),
                        "retry@example.com");
        api.post(
                "/demo-gateway/payments/"
                        + placed.json().get("payment").get("id").asString()
                        + "/fail",
                null);
        Api buyer = api.as(placed.json().get("accessToken").asString());
        String code = placed.json().get("code").asString();
        assertThat(buyer.get("/api/v1/orders/" + code).json().get("status").asString())
                .isEqualTo("PENDING_PAYMENT");
        Api.Response retry =
                buyer.post("/api/v1/orders/" + code + "/payments", Map.of("paymentMethod", "demo"));
        assertThat(retry.status()).isEqualTo(201);
        api.post("/demo-gateway/payments/" + retry.json().get("id").asString() + "/succeed", null);
        JsonNode order = buyer.get("/api/v1/orders/" + code).json();
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("payments").findValuesAsString("status"))
                .containsExactly("FAILED", "CONFIRMED");
    }
}
