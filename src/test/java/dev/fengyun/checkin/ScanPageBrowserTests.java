package dev.fengyun.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.support.Api;
import dev.fengyun.support.Chromium;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The gate scanner in headless Chromium: manual entry online, then with the network cut — the page
 * reloads from its service worker, verifies a good ticket's signature itself, turns a forged one
 * away, and uploads its scans when the network returns, showing where another gate was first.
 */
class ScanPageBrowserTests extends IntegrationTest {

    @Test
    void scansOnlineAndOfflineWithManualEntry() {
        Fixtures.Team team = fixtures.team();
        Fixtures.Org org = new Fixtures.Org(team.slug(), team.member(OrganizerRole.OWNER));
        Fixtures.Performance tonight =
                fixtures.publishedPerformance(
                        org,
                        fixtures.venueWithHall(org, 1, 2, 5, 0),
                        20,
                        CheckinTest.startsIn("PT3H"));
        Api manager = api.as(team.member(OrganizerRole.MANAGER).token());
        String base = "/api/v1/organizers/" + team.slug() + "/checkin";
        Api.Response list =
                manager.post(
                        base + "/lists",
                        Map.of("performanceId", tonight.id(), "name", "Main gate"));
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        JsonNode tickets =
                fixtures.payAndFetch(
                                fixtures.holdAndOrder(
                                        tonight.id(),
                                        Map.of("quantity", 3, "zoneId", tonight.zoneGa()),
                                        "fan@example.com"))
                        .json()
                        .get("tickets");
        String first = tickets.get(0).get("qr").asString();
        String second = tickets.get(1).get("qr").asString();
        String third = tickets.get(2).get("qr").asString();
        char last = second.charAt(second.length() - 1);
        String forged = second.substring(0, second.length() - 1) + (last == 'A' ? 'Q' : 'A');
        Fixtures.Account scanner = team.member(OrganizerRole.SCANNER);

        try (Chromium browser = Chromium.start(port)) {
            browser.signIn(scanner.email(), scanner.password());
            browser.open("/scan");
            ready(browser);
            assertThat(browser.find("#pack-age").getText())
                    .as("%s %s", browser.consoleErrors(), browser.find("#scanner").getText())
                    .isNotBlank();

            enter(browser, first);
            assertResult(browser, "OK", false);
            enter(browser, first);
            assertResult(browser, "ALREADY_CHECKED_IN", false);
            browser.screenshot("scan-online");
            assertThat(browser.consoleErrors()).isEmpty();
            browser.driver()
                    .executeAsyncScript(
                            "navigator.serviceWorker.ready.then(() => arguments[0](true))");

            browser.offline(true);
            browser.driver().navigate().refresh();
            ready(browser);
            assertThat(
                            browser.driver()
                                    .executeScript(
                                            "return navigator.serviceWorker.controller !== null"))
                    .as("the page came from the service worker")
                    .isEqualTo(true);

            enter(browser, second);
            assertResult(browser, "OK", true);
            assertThat(browser.find("#network").getText()).contains("Offline");
            enter(browser, forged);
            assertResult(browser, "INVALID", true);
            enter(browser, first);
            assertResult(browser, "ALREADY_CHECKED_IN", true);
            enter(browser, third);
            assertResult(browser, "OK", true);
            browser.screenshot("scan-offline");
            assertThat(browser.find("#queue-size").getText()).isEqualTo("4");

            // Meanwhile another gate, online, admitted the third ticket first.
            Api.Response elsewhere =
                    api.as(scanner.token())
                            .post(
                                    base + "/scans",
                                    Map.of(
                                            "code",
                                            third,
                                            "listId",
                                            list.json().get("id").asLong(),
                                            "deviceId",
                                            "gate-east"));
            assertThat(elsewhere.json().get("result").asString()).isEqualTo("OK");

            browser.offline(false);
            browser.waiting().until(ExpectedConditions.textToBe(By.id("queue-size"), "0"));
            browser.waiting().until(d -> !browser.find("#conflicts").getText().isBlank());
            assertThat(browser.find("#conflicts").getText())
                    .contains(tickets.get(2).get("id").asString(), "Already checked in");
            browser.screenshot("scan-synced");
        }

        JsonNode counts =
                manager.get(base + "/lists/" + list.json().get("id").asLong() + "/counts").json();
        assertThat(counts.get("checkedIn").asLong()).isEqualTo(3);
        assertThat(counts.get("tickets").asLong()).isEqualTo(3);
    }

    private static void ready(Chromium browser) {
        browser.waiting()
                .until(d -> "true".equals(browser.find("#scanner").getDomAttribute("data-ready")));
    }

    private static void enter(Chromium browser, String code) {
        browser.driver()
                .executeScript(
                        "const r = document.getElementById('result');"
                                + " r.hidden = true; delete r.dataset.result;");
        browser.find("#code").sendKeys(code);
        browser.find("#check").click();
        browser.waiting()
                .until(
                        d ->
                                browser.find("#result").isDisplayed()
                                        && browser.find("#result").getDomAttribute("data-result")
                                                != null);
    }

    private static void assertResult(Chromium browser, String result, boolean offline) {
        assertThat(browser.find("#result").getDomAttribute("data-result")).isEqualTo(result);
        assertThat(browser.find("#result").getDomAttribute("data-offline"))
                .isEqualTo(String.valueOf(offline));
    }
}
