package dev.fengyun.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Fixtures;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Scanning tickets at the gate: every answer a scanner can get, and idempotent retries. */
class CheckinIntegrationTests extends CheckinTest {

    @Autowired JdbcClient jdbc;

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
            assertThat(result(changed)).as("changed at %d", position).isEqualTo("INVALID");
        }
        assertThat(result("NOT A TICKET")).isEqualTo("INVALID");
    }

    @Test
    void aRefundedTicketIsRevokedAndAnotherOrganizersTicketIsInvalid() {
        JsonNode order = paidOrder(tonight, 2);
        JsonNode refunded = order.get("tickets").get(0);
        refund(order, refunded);
        JsonNode revoked =
                scan(Map.of("code", refunded.get("qr").asString(), "performanceId", tonight.id()));
        assertThat(answer(revoked)).isEqualTo("REVOKED REFUNDED");
        assertThat(result(order.get("tickets").get(1).get("qr").asString())).isEqualTo("OK");

        Fixtures.Org other = fixtures.organizer();
        Fixtures.Performance elsewhere =
                fixtures.publishedPerformance(
                        other, fixtures.venueWithHall(other, 1, 2, 5, 0), 10, startsIn("PT1H"));
        assertThat(result(buy(elsewhere, 1).get(0).get("qr").asString())).isEqualTo("INVALID");
    }

    @Test
    void wrongPerformanceNotYetValidExpiredAndTypedCodes() {
        Fixtures.Performance nextMonth =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 2, 5, 0), 10, Map.of());
        String later = buy(nextMonth, 1).get(0).get("qr").asString();
        assertThat(result(later)).isEqualTo("WRONG_PERFORMANCE");
        assertThat(
                        scan(Map.of("code", later, "performanceId", nextMonth.id()))
                                .get("result")
                                .asString())
                .isEqualTo("NOT_YET_VALID");

        JsonNode past = buy(tonight, 1).get(0);
        jdbc.sql("UPDATE tickets SET valid_until = now() - interval '1 minute' WHERE code = :code")
                .param("code", past.get("id").asString())
                .update();
        assertThat(result(past.get("qr").asString())).isEqualTo("EXPIRED");

        // The ticket's own code, typed in lower case with spaces, works online.
        String code = buy(tonight, 1).get(0).get("id").asString();
        assertThat(result(code.toLowerCase().replaceAll("(.{4})", "$1 "))).isEqualTo("OK");
    }

    @Test
    void theSameNonceGetsTheSameAnswer() {
        String qr = buy(tonight, 1).get(0).get("qr").asString();
        Map<String, Object> body =
                Map.of(
                        "code",
                        qr,
                        "performanceId",
                        tonight.id(),
                        "nonce",
                        UUID.randomUUID().toString(),
                        "deviceId",
                        "phone-7");
        JsonNode first = scan(body);
        JsonNode again = scan(body);
        assertThat(first.get("result").asString()).isEqualTo("OK");
        assertThat(again).isEqualTo(first);
        JsonNode other =
                scan(
                        Map.of(
                                "code",
                                qr,
                                "performanceId",
                                tonight.id(),
                                "nonce",
                                UUID.randomUUID().toString()));
        assertThat(other.get("result").asString()).isEqualTo("ALREADY_CHECKED_IN");
    }
}
