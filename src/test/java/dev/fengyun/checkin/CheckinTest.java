package dev.fengyun.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Base of the check-in tests: an organizer's team, a performance starting in two hours (so its
 * tickets are valid now) with seats and 200 standing places, and helpers to buy and scan.
 */
abstract class CheckinTest extends IntegrationTest {

    protected Fixtures.Team team;
    protected Fixtures.Org org;
    protected Fixtures.Performance tonight;
    protected Api scanner;
    protected Api manager;
    protected String base;

    @BeforeEach
    void tonight() {
        team = fixtures.team();
        org = new Fixtures.Org(team.slug(), team.member(OrganizerRole.OWNER));
        long venue = fixtures.venueWithHall(org, 1, 6, 10, 0);
        tonight = fixtures.publishedPerformance(org, venue, 200, startsIn("PT2H"));
        scanner = api.as(team.member(OrganizerRole.SCANNER).token());
        manager = api.as(team.member(OrganizerRole.MANAGER).token());
        base = "/api/v1/organizers/" + team.slug() + "/checkin";
    }

    /** Scans as the team's scanner; asserts 200 and returns the answer. */
    protected JsonNode scan(Map<String, Object> body) {
        Api.Response scanned = scanner.post(base + "/scans", body);
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        return scanned.json();
    }

    /** The result of scanning {@code code} for tonight's performance. */
    protected String result(String code) {
        return scan(Map.of("code", code, "performanceId", tonight.id())).get("result").asString();
    }

    /** The result of a scan, with its reason after a space when it has one. */
    protected static String answer(JsonNode scanned) {
        JsonNode reason = scanned.get("reason");
        return scanned.get("result").asString()
                + (reason == null || reason.isNull() ? "" : " " + reason.asString());
    }

    /** Buys standing places and returns the paid order. */
    protected JsonNode paidOrder(Fixtures.Performance show, int quantity) {
        return paidOrder(show, Map.of("quantity", quantity, "zoneId", show.zoneGa()));
    }

    protected JsonNode paidOrder(Fixtures.Performance show, Map<String, Object> what) {
        return fixtures.payAndFetch(fixtures.holdAndOrder(show.id(), what, "buyer@example.com"))
                .json();
    }

    /** Buys standing places and returns their tickets. */
    protected List<JsonNode> buy(Fixtures.Performance show, int quantity) {
        List<JsonNode> tickets = new ArrayList<>();
        paidOrder(show, quantity).get("tickets").forEach(tickets::add);
        return tickets;
    }

    protected void refund(JsonNode order, JsonNode ticket) {
        Api.Response refund =
                manager.post(
                        "/api/v1/organizers/"
                                + team.slug()
                                + "/orders/"
                                + order.get("code").asString()
                                + "/refunds",
                        Map.of("ticketIds", List.of(ticket.get("id").asString())));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
    }

    static Map<String, Object> startsIn(String duration) {
        return Map.of(
                "startsAt",
                OffsetDateTime.now().plus(Duration.parse(duration)).withNano(0).toString());
    }
}
