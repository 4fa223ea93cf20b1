package dev.fengyun.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Check-in lists: the zones they admit, exits and re-entry, live counts, offline packs. */
class CheckinListsIntegrationTests extends CheckinTest {

    @Test
    void onlyManagersCreateListsAndBadListsAreRefusedNamingTheField() {
        assertThat(newList(Map.of("name", "x"), scanner).status()).isEqualTo(403);
        Api.Response unknownZone = newList(Map.of("name", "x", "zoneIds", List.of(-1)), manager);
        assertThat(unknownZone.status()).isEqualTo(400);
        assertThat(unknownZone.json().get("errors").get(0).get("field").asString())
                .isEqualTo("zoneIds");
        Api.Response reentryWithoutExits = newList(Map.of("name", "x", "reentry", true), manager);
        assertThat(reentryWithoutExits.status()).isEqualTo(400);
        assertThat(reentryWithoutExits.json().get("errors").get(0).get("field").asString())
                .isEqualTo("reentry");
    }

    @Test
    void listsAdmitTheirZonesAndCountEntriesExitsAndReentries() {
        Api.Response created =
                newList(
                        Map.of(
                                "name",
                                "Seats door",
                                "zoneIds",
                                List.of(tonight.zoneA(), tonight.zoneB()),
                                "exits",
                                true,
                                "reentry",
                                true),
                        manager);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long list = created.json().get("id").asLong();

        String qr =
                paidOrder(tonight, Map.of("seatIds", List.of("block-1-1-1")))
                        .get("tickets")
                        .get(0)
                        .get("qr")
                        .asString();
        String standing = buy(tonight, 1).get(0).get("qr").asString();
        assertThat(answer(scan(Map.of("code", standing, "listId", list))))
                .isEqualTo("WRONG_PERFORMANCE ZONE_NOT_ADMITTED");

        assertThat(answer(gate(qr, list, "IN", "gate-1"))).isEqualTo("OK");
        assertThat(answer(gate(qr, list, "IN", "gate-2"))).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(answer(gate(qr, list, "OUT", "gate-1"))).isEqualTo("OK");
        assertThat(answer(gate(qr, list, "OUT", "gate-1"))).isEqualTo("INVALID NOT_INSIDE");
        assertThat(answer(gate(qr, list, "IN", "gate-2"))).isEqualTo("OK REENTRY");

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
        long plain = newList(Map.of("name", "Plain"), manager).json().get("id").asLong();
        Api.Response exit =
                scanner.post(
                        base + "/scans", Map.of("code", qr, "listId", plain, "direction", "OUT"));
        assertThat(exit.status()).isEqualTo(400);
        assertThat(exit.json().get("errors").get(0).get("field").asString()).isEqualTo("direction");
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

    /** Creates a list for tonight's performance as {@code who}. */
    private Api.Response newList(Map<String, Object> fields, Api who) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("performanceId", tonight.id());
        return who.post(base + "/lists", body);
    }

    private JsonNode gate(String qr, long list, String direction, String device) {
        return scan(Map.of("code", qr, "listId", list, "direction", direction, "deviceId", device));
    }
}
