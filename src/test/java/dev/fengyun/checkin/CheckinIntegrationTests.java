package dev.fengyun.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.Race;
import dev.fengyun.support.SecondInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Scanning tickets at the gate: every answer a scanner can get, lists, counts, offline packs. */
class CheckinIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    private Fixtures.Team team;
    private Fixtures.Org org;
    private Fixtures.Performance tonight;
    private Api scanner;
    private Api manager;
    private String base;

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

    @Test
    void aTicketIsAdmittedOnceAndAChangedCharacterIsInvalid() {
        JsonNode ticket = buy(tonight, 1).get(0);
        String qr = ticket.get("qr").asString();

        JsonNode first = scan(Map.of("code", qr, "performanceId", tonight.id()));
        assertThat(first.get("result").asString()).isEqualTo("OK");
        assertThat(first.get("ticket").get("id").asString()).isEqualTo(ticket.get("id").asString());
        assertThat(first.get("ticket").get("zone").asString()).isEqualTo("Standing");
        Instant firstAt = Instant.parse(first.get("firstCheckedInAt").asString());

        JsonNode second = scan(Map.of("code", qr, "performanceId", tonight.id()));
        assertThat(second.get("result").asString()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(Instant.parse(second.get("firstCheckedInAt").asString())).isEqualTo(firstAt);

        for (int position : new int[] {0, 10, qr.length() / 2, qr.length() - 1}) {
            char c = qr.charAt(position);
            String changed =
                    qr.substring(0, position) + (c == 'A' ? 'B' : 'A') + qr.substring(position + 1);
            assertThat(
                            scan(Map.of("code", changed, "performanceId", tonight.id()))
                                    .get("result")
                                    .asString())
                    .as("changed at %d", position)
                    .isEqualTo("INVALID");
        }
        assertThat(
                        scan(Map.of("code", "NOT A TICKET", "performanceId", tonight.id()))
                                .get("result")
                                .asString())
                .isEqualTo("INVALID");
    }

    @Test
    void aRefundedTicketIsRevokedAndAnotherOrganizersTicketIsInvalid() {
        JsonNode order = paidOrder(tonight, 2);
        JsonNode refunded = order.get("tickets").get(0);
        refund(order, refunded);
        JsonNode revoked =
                scan(Map.of("code", refunded.get("qr").asString(), "performanceId", tonight.id()));
        assertThat(revoked.get("result").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("reason").asString()).isEqualTo("REFUNDED");
        assertThat(
                        scan(Map.of(
                                        "code",
                                        order.get("tickets").get(1).get("qr").asString(),
                                        "performanceId",
                                        tonight.id()))
                                .get("result")
                                .asString())
                .isEqualTo("OK");

        Fixtures.Org other = fixtures.organizer();
        Fixtures.Performance elsewhere =
                fixtures.publishedPerformance(
                        other, fixtures.venueWithHall(other, 1, 2, 5, 0), 10, startsIn("PT1H"));
        String foreign = buy(elsewhere, 1).get(0).get("qr").asString();
        assertThat(
                        scan(Map.of("code", foreign, "performanceId", tonight.id()))
                                .get("result")
                                .asString())
                .isEqualTo("INVALID");
    }

    @Test
    void wrongPerformanceNotYetValidAndTypedCodes() {
        Fixtures.Performance nextMonth =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 2, 5, 0), 10, Map.of());
        JsonNode later = buy(nextMonth, 1).get(0);
        assertThat(
                        scan(Map.of(
                                        "code",
                                        later.get("qr").asString(),
                                        "performanceId",
                                        tonight.id()))
                                .get("result")
                                .asString())
                .isEqualTo("WRONG_PERFORMANCE");
        assertThat(
                        scan(Map.of(
                                        "code",
                                        later.get("qr").asString(),
                                        "performanceId",
                                        nextMonth.id()))
                                .get("result")
                                .asString())
                .isEqualTo("NOT_YET_VALID");
        JsonNode tonightTicket = buy(tonight, 1).get(0);
        JsonNode past = buy(tonight, 1).get(0);
        jdbc.sql("UPDATE tickets SET valid_until = now() - interval '1 minute' WHERE code = :code")
                .param("code", past.get("id").asString())
                .update();
        assertThat(
                        scan(Map.of(
                                        "code",
                                        past.get("qr").asString(),
                                        "performanceId",
                                        tonight.id()))
                                .get("result")
                                .asString())
                .isEqualTo("EXPIRED");
        // The ticket's own code, typed in lower case with spaces, works online.
        String typed = tonightTicket.get("id").asString().toLowerCase().replaceAll("(.{4})", "$1 ");
        JsonNode byTyping = scan(Map.of("code", typed, "performanceId", tonight.id()));
        assertThat(byTyping.get("result").asString()).isEqualTo("OK");
    }

    @Test
    void listsAdmitTheirZonesAndCountEntriesExitsAndReentries() {
        Api.Response created =
                manager.post(
                        base + "/lists",
                        Map.of(
                                "performanceId",
                                tonight.id(),
                                "name",
                                "Seats door",
                                "zoneIds",
                                List.of(tonight.zoneA(), tonight.zoneB()),
                                "exits",
                                true,
                                "reentry",
                                true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long list = created.json().get("id").asLong();
        assertThat(
                        scanner.post(
                                        base + "/lists",
                                        Map.of("performanceId", tonight.id(), "name", "x"))
                                .status())
                .isEqualTo(403);
        assertThat(
                        manager.post(
                                        base + "/lists",
                                        Map.of(
                                                "performanceId",
                                                tonight.id(),
                                                "name",
                                                "x",
                                                "zoneIds",
                                                List.of(-1)))
                                .json()
                                .get("errors")
                                .get(0)
                                .get("field")
                                .asString())
                .isEqualTo("zoneIds");
        assertThat(
                        manager.post(
                                        base + "/lists",
                                        Map.of(
                                                "performanceId",
                                                tonight.id(),
                                                "name",
                                                "x",
                                                "reentry",
                                                true))
                                .status())
                .isEqualTo(400);

        JsonNode seat =
                paidOrder(tonight, Map.of("seatIds", List.of("block-1-1-1"))).get("tickets").get(0);
        JsonNode standing = buy(tonight, 1).get(0);
        String qr = seat.get("qr").asString();
        JsonNode wrongZone = scan(Map.of("code", standing.get("qr").asString(), "listId", list));
        assertThat(wrongZone.get("result").asString()).isEqualTo("WRONG_PERFORMANCE");
        assertThat(wrongZone.get("reason").asString()).isEqualTo("ZONE_NOT_ADMITTED");

        assertThat(
                        scan(Map.of("code", qr, "listId", list, "deviceId", "gate-1"))
                                .get("result")
                                .asString())
                .isEqualTo("OK");
        assertThat(
                        scan(Map.of("code", qr, "listId", list, "deviceId", "gate-2"))
                                .get("result")
                                .asString())
                .isEqualTo("ALREADY_CHECKED_IN");
        assertThat(
                        scan(Map.of(
                                        "code",
                                        qr,
                                        "listId",
                                        list,
                                        "direction",
                                        "OUT",
                                        "deviceId",
                                        "gate-1"))
                                .get("result")
                                .asString())
                .isEqualTo("OK");
        JsonNode notInside =
                scan(Map.of("code", qr, "listId", list, "direction", "OUT", "deviceId", "gate-1"));
        assertThat(notInside.get("result").asString()).isEqualTo("INVALID");
        assertThat(notInside.get("reason").asString()).isEqualTo("NOT_INSIDE");
        JsonNode back = scan(Map.of("code", qr, "listId", list, "deviceId", "gate-2"));
        assertThat(back.get("result").asString()).isEqualTo("OK");
        assertThat(back.get("reason").asString()).isEqualTo("REENTRY");

        JsonNode counts = scanner.get(base + "/lists/" + list + "/counts").json();
        assertThat(counts.get("tickets").asLong()).isEqualTo(1);
        assertThat(counts.get("checkedIn").asLong()).isEqualTo(1);
        assertThat(counts.get("inside").asLong()).isEqualTo(1);
        Map<String, String> gates = new HashMap<>();
        counts.get("gates")
                .forEach(
                        g ->
                                gates.put(
                                        g.get("deviceId").asString(),
                                        g.get("admitted").asLong()
                                                + "/"
                                                + g.get("exited").asLong()
                                                + "/"
                                                + g.get("rejected").asLong()));
        assertThat(gates).containsEntry("gate-1", "1/1/1").containsEntry("gate-2", "1/0/1");

        // Without exits a list refuses exit scans.
        long plain =
                manager.post(
                                base + "/lists",
                                Map.of("performanceId", tonight.id(), "name", "Plain"))
                        .json()
                        .get("id")
                        .asLong();
        Api.Response exit =
                scanner.post(
                        base + "/scans", Map.of("code", qr, "listId", plain, "direction", "OUT"));
        assertThat(exit.status()).isEqualTo(400);
        assertThat(exit.json().get("errors").get(0).get("field").asString()).isEqualTo("direction");
    }

    @Test
    void theSameNonceGetsTheSameAnswer() {
        String qr = buy(tonight, 1).get(0).get("qr").asString();
        String nonce = UUID.randomUUID().toString();
        Map<String, Object> body =
                Map.of(
                        "code",
                        qr,
                        "performanceId",
                        tonight.id(),
                        "nonce",
                        nonce,
                        "deviceId",
                        "phone-7");
        JsonNode first = scan(body);
        JsonNode again = scan(body);
        assertThat(first.get("result").asString()).isEqualTo("OK");
        assertThat(again).isEqualTo(first);
        assertThat(
                        scan(Map.of(
                                        "code",
                                        qr,
                                        "performanceId",
                                        tonight.id(),
                                        "nonce",
                                        UUID.randomUUID().toString()))
                                .get("result")
                                .asString())
                .isEqualTo("ALREADY_CHECKED_IN");
    }

    @Test
    void fourGatesScanningEveryTicketAtTheSameInstantAdmitEachExactlyOnce() {
        gatesRace(List.of(scanner));
    }

    @Test
    void gatesOnTwoInstancesAdmitEachTicketExactlyOnce() {
        try (SecondInstance other = SecondInstance.start(Map.of())) {
            Api otherScanner = other.api().as(team.member(OrganizerRole.SCANNER).token());
            gatesRace(List.of(scanner, otherScanner));
        }
    }

    /** Every ticket is scanned by four gates at once, spread over the given instances. */
    private void gatesRace(List<Api> instances) {
        List<String> codes = new ArrayList<>();
        buy(tonight, 10).forEach(t -> codes.add(t.get("qr").asString()));
        buy(tonight, 10).forEach(t -> codes.add(t.get("qr").asString()));
        int gates = 4;
        List<String> results =
                Race.run(
                        codes.size() * gates,
                        i ->
                                instances
                                        .get(i % instances.size())
                                        .post(
                                                base + "/scans",
                                                Map.of(
                                                        "code", codes.get(i / gates),
                                                        "performanceId", tonight.id(),
                                                        "deviceId", "gate-" + (i % gates)))
                                        .json()
                                        .get("result")
                                        .asString());
        for (int t = 0; t < codes.size(); t++) {
            List<String> perTicket = results.subList(t * gates, (t + 1) * gates);
            assertThat(perTicket).as("ticket %d", t).containsOnlyOnce("OK");
            assertThat(perTicket.stream().filter("ALREADY_CHECKED_IN"::equals)).hasSize(gates - 1);
        }
    }

    @Test
    void theOfflinePackHasKeysRevocationsAndCheckIns() {
        JsonNode order = paidOrder(tonight, 2);
        JsonNode in = order.get("tickets").get(0);
        JsonNode out = order.get("tickets").get(1);
        refund(order, out);
        JsonNode ok = scan(Map.of("code", in.get("qr").asString(), "performanceId", tonight.id()));
        long list = ok.get("listId").asLong();

        Api.Response pack = scanner.get(base + "/lists/" + list + "/offline-pack");
        assertThat(pack.status()).as(pack.body()).isEqualTo(200);
        JsonNode json = pack.json();
        assertThat(json.get("list").get("performanceId").asLong()).isEqualTo(tonight.id());
        assertThat(json.get("keys").get("keys").get(0).get("crv").asString()).isEqualTo("Ed25519");
        assertThat(json.get("revoked").toString()).contains(out.get("id").asString());
        assertThat(json.get("checkedIn").get(0).get("ticketCode").asString())
                .isEqualTo(in.get("id").asString());
        assertThat(json.get("zones")).hasSize(3);
    }

    private JsonNode scan(Map<String, Object> body) {
        Api.Response scanned = scanner.post(base + "/scans", body);
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        return scanned.json();
    }

    /** Buys standing places and returns the paid order. */
    private JsonNode paidOrder(Fixtures.Performance show, int quantity) {
        return paidOrder(show, Map.of("quantity", quantity, "zoneId", show.zoneGa()));
    }

    private JsonNode paidOrder(Fixtures.Performance show, Map<String, Object> what) {
        return fixtures.payAndFetch(fixtures.holdAndOrder(show.id(), what, "buyer@example.com"))
                .json();
    }

    private List<JsonNode> buy(Fixtures.Performance show, int quantity) {
        List<JsonNode> tickets = new ArrayList<>();
        paidOrder(show, quantity).get("tickets").forEach(tickets::add);
        return tickets;
    }

    private void refund(JsonNode order, JsonNode ticket) {
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
