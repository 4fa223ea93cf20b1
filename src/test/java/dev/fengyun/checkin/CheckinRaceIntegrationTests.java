package dev.fengyun.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.support.Api;
import dev.fengyun.support.Race;
import dev.fengyun.support.SecondInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gates scanning the same tickets at the same instant: each ticket is admitted exactly once. */
class CheckinRaceIntegrationTests extends CheckinTest {

    private static final int GATES = 4;

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
        List<String> results =
                Race.run(
                        codes.size() * GATES,
                        i ->
                                instances
                                        .get(i % instances.size())
                                        .post(
                                                base + "/scans",
                                                Map.of(
                                                        "code", codes.get(i / GATES),
                                                        "performanceId", tonight.id(),
                                                        "deviceId", "gate-" + (i % GATES)))
                                        .json()
                                        .get("result")
                                        .asString());
        for (int t = 0; t < codes.size(); t++) {
            List<String> perTicket = results.subList(t * GATES, (t + 1) * GATES);
            assertThat(perTicket).as("ticket %d", t).containsOnlyOnce("OK");
            assertThat(perTicket.stream().filter("ALREADY_CHECKED_IN"::equals)).hasSize(GATES - 1);
        }
    }
}
