package dev.fengyun.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.Race;
import dev.fengyun.support.SecondInstance;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two thousand buyers for a thousand general-admission places, each wanting 1–4 and asking for
 * fewer when told fewer remain, paying at once. The guards under test: SKIP LOCKED claiming with
 * its re-checked predicate (UnitClaims.CLAIM_ANY) and the per-buyer limit under the buyer's
 * advisory lock (BuyerLimits.LOCK). Without either, the invariants below break.
 */
class PurchaseRaceIntegrationTests extends IntegrationTest {

    static final int BUYERS = 2_000;
    static final int PLACES = 1_000;
    static final int DISTINCT_BUYERS = 700;
    static final int LIMIT = 4;

    @Autowired JdbcClient jdbc;

    @Test
    void twoThousandBuyersBuyExactlyTheThousandPlaces() {
        race(List.of(api));
    }

    @Test
    void twoInstancesOnOneDatabaseSellExactlyTheThousandPlaces() {
        try (SecondInstance other = SecondInstance.start(Map.of())) {
            race(List.of(api, other.api()));
        }
    }

    @Test
    void oneBuyerOrderingFromManyTabsAtOnceStaysWithinTheLimit() {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org,
                        fixtures.venueWithHall(org, 1, 2, 2, 0),
                        100,
                        Map.of("maxTicketsPerOrder", LIMIT, "maxTicketsPerBuyer", LIMIT));
        List<String> holds = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            holds.add(
                    fixtures.hold(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 1))
                            .json()
                            .get("id")
                            .asString());
        }
        String email = "tabs-" + Fixtures.unique() + "@example.com";
        List<Api.Response> orders =
                Race.run(
                        40,
                        i ->
                                api.post(
                                        "/api/v1/orders",
                                        Fixtures.orderBody(
                                                holds.get(i), email, "Many tabs", "demo")));
        assertThat(orders.stream().filter(o -> o.status() == 201)).hasSize(LIMIT);
        assertThat(
                        orders.stream()
                                .filter(o -> o.status() == 409)
                                .map(o -> o.json().get("code").asString()))
                .hasSize(40 - LIMIT)
                .containsOnly("LIMIT_EXCEEDED");
    }

    private void race(List<Api> instances) {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org,
                        fixtures.venueWithHall(org, 1, 2, 2, 0),
                        PLACES,
                        Map.of("maxTicketsPerOrder", LIMIT, "maxTicketsPerBuyer", LIMIT));
        String run = Fixtures.unique();
        List<Integer> bought =
                Race.run(
                        BUYERS,
                        i ->
                                new Buyer(
                                                instances.get(i % instances.size()),
                                                show,
                                                "buyer-"
                                                        + (i % DISTINCT_BUYERS)
                                                        + "-"
                                                        + run
                                                        + "@example.com",
                                                1 + new Random(i).nextInt(LIMIT))
                                        .buy());

        assertThat(bought).as("no buyer met a server error").doesNotContain(-1);
        assertThat(bought.stream().mapToInt(Integer::intValue).sum()).isEqualTo(PLACES);
        assertThat(
                        count(
                                "SELECT count(*) FROM units WHERE performance_id = :p AND zone_id = :z AND status = 'SOLD'",
                                show))
                .as("sold exactly the capacity")
                .isEqualTo(PLACES);
        assertThat(
                        count(
                                "SELECT count(*) FROM tickets WHERE performance_id = :p AND status = 'VALID'",
                                show))
                .isEqualTo(PLACES);
        assertThat(
                        count(
                                """
                SELECT count(*) FROM (SELECT unit_id FROM order_items i JOIN orders o ON o.id = i.order_id
                WHERE o.performance_id = :p AND i.status = 'ACTIVE' GROUP BY unit_id HAVING count(*) > 1) twice""",
                                show))
                .as("units in two orders")
                .isZero();
        assertThat(
                        count(
                                """
                SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM order_items i JOIN orders o ON o.id = i.order_id
                WHERE o.performance_id = :p AND o.status = 'PAID' AND i.status = 'ACTIVE' GROUP BY o.buyer_key) per_buyer""",
                                show))
                .as("most tickets of one buyer")
                .isLessThanOrEqualTo(LIMIT);
        assertThat(
                        count(
                                """
                SELECT count(*) FROM orders o WHERE o.performance_id = :p AND o.status = 'PAID'
                  AND (SELECT count(*) FROM tickets t WHERE t.order_id = o.id AND t.status = 'VALID')
                   <> (SELECT count(*) FROM order_items i WHERE i.order_id = o.id AND i.status = 'ACTIVE')""",
                                show))
                .as("paid orders without all their tickets")
                .isZero();
        assertThat(
                        count(
                                """
                SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
                WHERE t.performance_id = :p AND o.status <> 'PAID'""",
                                show))
                .as("tickets without a paid order")
                .isZero();
        int limited = (int) bought.stream().filter(b -> b == 0).count();
        System.out.printf(
                "purchase race on %d instance(s): %d buyers, %d got tickets, %d came away empty or over the limit%n",
                instances.size(), BUYERS, BUYERS - limited, limited);
    }

    private long count(String sql, Fixtures.Performance show) {
        return jdbc.sql(sql)
                .param("p", show.id())
                .param("z", show.zoneGa())
                .query(Long.class)
                .single();
    }

    /** A person buying: holds, asks for fewer when told fewer remain, orders, pays. */
    private record Buyer(Api api, Fixtures.Performance show, String email, int wanted) {

        /** Tickets bought; 0 when sold out or over the limit; -1 after an unexpected answer. */
        int buy() {
            int want = wanted;
            int soldOutAnswers = 0;
            for (int attempt = 0; attempt < 200; attempt++) {
                Api.Response hold =
                        api.post(
                                "/api/v1/holds",
                                Map.of(
                                        "performanceId",
                                        show.id(),
                                        "zoneId",
                                        show.zoneGa(),
                                        "quantity",
                                        want));
                if (hold.status() == 409) {
                    String code = hold.json().get("code").asString();
                    if (code.equals("TRY_AGAIN")) {
                        continue;
                    }
                    if (!code.equals("SOLD_OUT")) {
                        return -1;
                    }
                    long available = hold.json().get("available").asLong();
                    if (available > 0) {
                        want = (int) Math.min(want, available);
                    } else if (hold.json().get("held").asLong() == 0 || ++soldOutAnswers > 50) {
                        return 0; // sold out for good (or given up after a long wait)
                    } else {
                        pause(); // all in other baskets: some may come back
                    }
                    continue;
                }
                if (hold.status() != 201) {
                    return -1;
                }
                String holdId = hold.json().get("id").asString();
                Api.Response order =
                        api.post(
                                "/api/v1/orders",
                                Fixtures.orderBody(holdId, email, "Buyer", "demo"));
                if (order.status() == 409
                        && order.json().get("code").asString().equals("LIMIT_EXCEEDED")) {
                    return api.delete("/api/v1/holds/" + holdId).status() == 204 ? 0 : -1;
                }
                if (order.status() != 201) {
                    return -1;
                }
                Api.Response paid =
                        api.post(
                                "/demo-gateway/payments/"
                                        + order.json().get("payment").get("id").asString()
                                        + "/succeed",
                                null);
                return paid.status() == 200
                                && paid.json().get("status").asString().equals("CONFIRMED")
                        ? want
                        : -1;
            }
            return -1;
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
