package dev.fengyun.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.Race;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many buyers racing for the same chosen seats at the same instant. The guard under test is the
 * chosen-seat claim (UnitClaims.CLAIM_SEATS): only sellable rows, re-checked by FOR UPDATE, and all
 * of them or nothing. Remove the sellable predicate and these tests see seats held twice.
 */
class HoldConcurrencyIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void fiveHundredBuyersRacingForAHundredSeatsHoldEachSeatOnce() {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 10, 10, 0), 0, Map.of());
        List<Api.Response> responses =
                Race.run(
                        500,
                        i -> {
                            int first = i % 100;
                            int second =
                                    (i * 7 + 13) % 100 == first
                                            ? (first + 1) % 100
                                            : (i * 7 + 13) % 100;
                            return api.post(
                                    "/api/v1/holds",
                                    Map.of(
                                            "performanceId",
                                            show.id(),
                                            "seatIds",
                                            List.of(seat(first), seat(second))));
                        });

        assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
        Set<String> heldByResponses = new HashSet<>();
        int heldCount = 0;
        for (Api.Response response : responses) {
            if (response.status() == 201) {
                for (String seat : response.json().get("items").findValuesAsString("seatId")) {
                    assertThat(heldByResponses.add(seat))
                            .as("seat %s granted to two buyers", seat)
                            .isTrue();
                    heldCount++;
                }
            } else {
                assertThat(response.json().get("code").asString())
                        .isIn("SEATS_UNAVAILABLE", "TRY_AGAIN");
            }
        }
        List<String> heldInDatabase =
                jdbc.sql("SELECT seat_id FROM units WHERE performance_id = :p AND status = 'HELD'")
                        .param("p", show.id())
                        .query(String.class)
                        .list();
        assertThat(heldInDatabase)
                .hasSize(heldCount)
                .containsExactlyInAnyOrderElementsOf(heldByResponses);
        assertThat(heldCount).as("a fair share of the seats was sold").isGreaterThan(20);
    }

    @Test
    void twoHundredBuyersForTwentyPairsGetTwentyHoldsAndOneHundredEightyRefusals() {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 4, 10, 0), 0, Map.of());
        List<Api.Response> responses =
                Race.run(
                        200,
                        i -> {
                            int pair = i % 20;
                            return api.post(
                                    "/api/v1/holds",
                                    Map.of(
                                            "performanceId",
                                            show.id(),
                                            "seatIds",
                                            List.of(seat(pair * 2), seat(pair * 2 + 1))));
                        });
        List<Integer> statuses = new ArrayList<>();
        responses.forEach(r -> statuses.add(r.status()));
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(20);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(180);
    }

    /** Seat n of a block of rows of ten. */
    private static String seat(int n) {
        return "block-1-" + (n / 10 + 1) + "-" + (n % 10 + 1);
    }
}
