package dev.fengyun.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dashboard's figures and the order and attendee exports. */
class ReportingIntegrationTests extends IntegrationTest {

    private Fixtures.Team team;
    private Fixtures.Performance show;
    private Api manager;
    private String exports;

    @BeforeEach
    void twoOrders() {
        team = fixtures.team();
        Fixtures.Org org = new Fixtures.Org(team.slug(), team.member(OrganizerRole.OWNER));
        show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 4, 5, 0), 20, Map.of());
        manager = api.as(team.member(OrganizerRole.MANAGER).token());
        exports = "/api/v1/organizers/" + team.slug() + "/exports/";
        fixtures.payAndFetch(
                fixtures.holdAndOrder(
                        show.id(),
                        Map.of("seatIds", List.of("block-1-1-1", "block-1-1-2")),
                        "a@example.com"));
        JsonNode second =
                fixtures.payAndFetch(
                                fixtures.holdAndOrder(
                                        show.id(),
                                        Map.of("zoneId", show.zoneGa(), "quantity", 1),
                                        "=cmd@example.com"))
                        .json();
        assertThat(second.get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void theDashboardCountsTicketsRevenueAndSellThrough() {
        Api.Response page = manager.get("/console/" + team.slug());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"tickets-today\">3<", "id=\"tickets-total\">3<", "CN¥230.00")
                .contains("3 / 40");
        assertThat(
                        api.as(team.member(OrganizerRole.BOX_OFFICE).token())
                                .get("/console/" + team.slug())
                                .status())
                .isEqualTo(403);
    }

    @Test
    void ordersAndAttendeesExportAsCsvAndXlsx() throws IOException {
        Api.Response orders = manager.get(exports + "orders.csv?performanceId=" + show.id());
        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.header("Content-Type")).startsWith("text/csv");
        assertThat(orders.header("Content-Disposition"))
                .contains(team.slug() + "-orders-" + show.id());
        String csv = orders.body();
        assertThat(csv).startsWith("\uFEFForder,status,channel");
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("a@example.com", "200.00", "'=cmd@example.com");

        Api.Response attendees = manager.get(exports + "attendees.xlsx?performanceId=" + show.id());
        assertThat(attendees.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Map<String, String> parts = unzip(attendees.bytes());
        assertThat(parts)
                .containsKeys("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertThat(sheet.split("<row ")).hasSize(5); // header + 3 tickets
        assertThat(sheet).contains("holder_email", "Block 1 · Row 1 · Seat 1", "Guest Buyer");

        assertThat(
                        manager.get(exports + "tickets.pdf")
                                .json()
                                .get("errors")
                                .get(0)
                                .get("field")
                                .asString())
                .isEqualTo("what");
        assertThat(
                        api.as(team.member(OrganizerRole.BOX_OFFICE).token())
                                .get(exports + "orders.csv")
                                .status())
                .isEqualTo(403);
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
