package dev.fengyun.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Chromium;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * A buyer of a protected on-sale in headless Chromium: sent from the seat page to the waiting room,
 * shown their place, taken to the seats when admitted, and holding two seats with an admission
 * token and a proof of work solved by the page's worker (the server checks it; a wrong SHA-256 in
 * the worker would be refused).
 */
class WaitingRoomBrowserTests extends IntegrationTest {

    @Test
    void aBuyerWaitsTheirTurnThenHoldsSeatsAfterTheBrowserSolvesTheChallenge() {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 3, 8, 0), 0, Map.of());
        Api.Response put =
                api.as(org.owner().token())
                        .put(
                                SaleProtectionIntegrationTests.organizerPath(show),
                                Map.of(
                                        "waitingRoom",
                                        SaleProtectionIntegrationTests.room(
                                                Instant.now().plusSeconds(4), 600),
                                        "challengeDifficulty",
                                        14));
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        try (Chromium browser = Chromium.start(port)) {
            browser.open("/performances/" + show.id());
            assertThat(browser.driver().getCurrentUrl())
                    .endsWith("/performances/" + show.id() + "/queue");
            browser.waiting()
                    .until(
                            d ->
                                    browser.find("#queue-stage")
                                            .getText()
                                            .contains("drawn when sales open"));
            browser.screenshot("waiting-room-1-pre-queue");

            browser.waiting().until(d -> d.getCurrentUrl().endsWith("/performances/" + show.id()));
            browser.waiting()
                    .until(
                            d ->
                                    browser.find("#seat-page").getDomAttribute("data-refreshed")
                                            != null);
            seat(browser, "block-1-1-3").click();
            seat(browser, "block-1-1-4").click();
            browser.find("#hold-seats").click();
            browser.waiting().until(d -> d.getCurrentUrl().contains("/checkout/"));
            browser.screenshot("waiting-room-2-held-after-the-challenge");
            assertThat(browser.consoleErrors()).isEmpty();
        }

        Api.Response again =
                api.post(
                        "/api/v1/holds",
                        Map.of(
                                "performanceId",
                                show.id(),
                                "seatIds",
                                java.util.List.of("block-1-1-5")));
        assertThat(again.status()).as("without the waiting room's admission").isEqualTo(403);
    }

    @Test
    void anOrganizerProtectsAnOnSaleFromTheConsole() {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 1, 2, 2, 0), 10, Map.of());
        try (Chromium browser = Chromium.start(port)) {
            browser.signIn(org.owner().email(), org.owner().password());
            browser.open("/console/" + org.slug() + "/performances/" + show.id());
            browser.find("#protection-link").click();
            browser.find("#waiting-room").click();
            browser.driver()
                    .executeScript(
                            "arguments[0].value = '2030-05-01T10:00'", browser.find("#starts-at"));
            browser.find("#per-minute").clear();
            browser.find("#per-minute").sendKeys("300");
            browser.find("#difficulty").clear();
            browser.find("#difficulty").sendKeys("18");
            browser.find("#verified-only").click();
            browser.find("#save-protection").click();
            browser.waiting().until(d -> d.getCurrentUrl().contains("/protection?saved"));
            assertThat(browser.find("#queue-progress").getText()).contains("0 waiting");
            browser.screenshot("console-protection");
            assertThat(browser.consoleErrors()).isEmpty();
        }
        Api.Response saved =
                api.as(org.owner().token()).get(SaleProtectionIntegrationTests.organizerPath(show));
        assertThat(saved.json().get("waitingRoom").get("admitPerMinute").asInt()).isEqualTo(300);
        assertThat(saved.json().get("challengeDifficulty").asInt()).isEqualTo(18);
        assertThat(saved.json().get("verifiedAccountsOnly").asBoolean()).isTrue();
        // 10:00 in the hall's time zone (Asia/Shanghai in the fixtures) is 02:00 UTC.
        assertThat(saved.json().get("waitingRoom").get("startsAt").asString())
                .isEqualTo("2030-05-01T02:00:00Z");
    }

    private static WebElement seat(Chromium browser, String id) {
        WebElement seat = browser.find("#seat-map .seat[data-seat-id='" + id + "']");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", seat);
        return seat;
    }
}
