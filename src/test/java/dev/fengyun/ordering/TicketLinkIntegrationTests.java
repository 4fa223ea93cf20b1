package dev.fengyun.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.support.Api;
import dev.fengyun.support.Browser;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Box-office staff send a buyer their tickets again as a link that opens the order page. */
class TicketLinkIntegrationTests extends IntegrationTest {

    @Test
    void aTicketLinkOpensTheOrderInAnyBrowserAndAForgedOneDoesNot() {
        Fixtures.Team team = fixtures.team();
        Fixtures.Org org = new Fixtures.Org(team.slug(), team.member(OrganizerRole.OWNER));
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 2, 5, 0), 10, Map.of());
        JsonNode order =
                fixtures.payAndFetch(
                                fixtures.holdAndOrder(
                                        show.id(),
                                        Map.of("zoneId", show.zoneGa(), "quantity", 2),
                                        "w@example.com"))
                        .json();
        String code = order.get("code").asString();

        // The console shows the order, in the list and in full, to box-office staff.
        Api staff = api.as(team.member(OrganizerRole.BOX_OFFICE).token());
        Api.Response list = staff.get("/console/" + team.slug() + "/orders?q=" + code);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains(code, "w@example.com");
        Api.Response detail = staff.get("/console/" + team.slug() + "/orders/" + code);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(detail.body()).contains("id=\"make-link\"").doesNotContain("id=\"refund\"");

        Api.Response link =
                api.as(team.member(OrganizerRole.BOX_OFFICE).token())
                        .post(
                                "/api/v1/organizers/"
                                        + team.slug()
                                        + "/orders/"
                                        + code
                                        + "/ticket-link",
                                null);
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        String url = link.json().get("url").asString();
        assertThat(url).startsWith(api.base() + "/orders/" + code + "?pass=fyp_");

        Browser phone = new Browser();
        Api.Response opened = phone.get(url);
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.header("Location")).endsWith("/orders/" + code);
        Api.Response page = phone.get(api.base() + "/orders/" + code);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-status=\"PAID\"")
                .containsPattern("(?s)class=\"ticket.*class=\"ticket");

        Browser stranger = new Browser();
        stranger.get(url.replaceAll(".$", url.endsWith("A") ? "B" : "A"));
        assertThat(stranger.get(api.base() + "/orders/" + code).header("Location"))
                .contains("/orders/lookup");
        assertThat(
                        api.as(team.member(OrganizerRole.SCANNER).token())
                                .post(
                                        "/api/v1/organizers/"
                                                + team.slug()
                                                + "/orders/"
                                                + code
                                                + "/ticket-link",
                                        null)
                                .status())
                .isEqualTo(403);
    }
}
