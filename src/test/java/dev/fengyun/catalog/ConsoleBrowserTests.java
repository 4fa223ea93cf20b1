package dev.fengyun.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Chromium;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An organizer in headless Chromium: generates a seating plan with a live preview, creates an event
 * and a performance, prices it and opens sales; then every console page opens without a browser
 * error. Screenshots go to target/screenshots/.
 */
class ConsoleBrowserTests extends IntegrationTest {

    @Test
    void anOrganizerGeneratesAPlanCreatesAnEventAndAPerformanceAndOpensSales() {
        Fixtures.Org org = fixtures.organizer();
        String console = "/console/" + org.slug();
        try (Chromium browser = Chromium.start(port)) {
            browser.signIn(org.owner().email(), org.owner().password());
            browser.open("/console");
            browser.find(".order-list a").click();
            browser.waiting().until(d -> d.getCurrentUrl().endsWith(console));
            browser.screenshot("console-1-dashboard");

            browser.open(console + "/venues");
            browser.find("#venue-name").sendKeys("Grand Theatre");
            browser.find("#venue-city").sendKeys("Hangzhou");
            browser.find("#venue-form button").click();
            browser.waiting().until(d -> d.getCurrentUrl().matches(".*/venues/\\d+$"));

            browser.waiting()
                    .until(
                            d ->
                                    browser.find("#plan-editor").getDomAttribute("data-previewed")
                                            != null);
            assertThat(browser.find("#preview-summary").getText()).isEqualTo("200 seats");
            browser.find("#add-block").click();
            browser.waiting()
                    .until(d -> browser.find("#preview-summary").getText().equals("400 seats"));
            WebElement rows =
                    browser.driver().findElements(By.cssSelector("#blocks [name=rows]")).get(1);
            rows.clear();
            rows.sendKeys("4");
            browser.waiting()
                    .until(d -> browser.find("#preview-summary").getText().equals("280 seats"));
            browser.screenshot("console-2-plan-preview");
            browser.find("#save-plan").click();
            browser.waiting()
                    .until(d -> !d.findElements(By.cssSelector("img.plan-image")).isEmpty());
            assertThat(browser.find("main").getText()).contains("280 seats");

            browser.open(console + "/events");
            browser.find("#event-title").sendKeys("Spring Gala 春节联欢");
            new Select(browser.find("#event-category")).selectByValue("CONCERT");
            browser.find("#event-form button").click();
            browser.waiting().until(d -> d.getCurrentUrl().matches(".*/events/\\d+$"));

            String startsAt = LocalDate.now().plusDays(40) + "T19:30";
            browser.driver()
                    .executeScript(
                            "const f = document.getElementById('perf-starts'); f.value = arguments[0];",
                            startsAt);
            browser.find("#performance-form button").click();
            browser.waiting().until(d -> d.getCurrentUrl().matches(".*/performances/\\d+$"));
            long performanceId =
                    Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/", ""));

            addZone(browser, "Stalls", "380", "A");
            addZone(browser, "Rear", "180", "B");
            assertThat(browser.driver().findElements(By.cssSelector("table.data tbody tr")))
                    .hasSize(2);
            browser.screenshot("console-3-zones");
            browser.find("#publish").click();
            browser.waiting()
                    .until(
                            d ->
                                    "ON_SALE"
                                            .equals(
                                                    browser.find("#performance-status")
                                                            .getDomAttribute("data-status")));
            browser.screenshot("console-4-on-sale");

            Api.Response details = api.get("/api/v1/public/performances/" + performanceId);
            assertThat(details.json().get("salesOpen").asBoolean()).isTrue();
            assertThat(details.json().get("startsAt").asString())
                    .startsWith(startsAt + ":00+08:00");
            assertThat(details.json().get("zones")).hasSize(2);

            for (String page :
                    new String[] {"", "/orders", "/box-office", "/checkin", "/team", "/events"}) {
                browser.open(console + page);
                assertThat(browser.find("h1").getText()).as(page).isNotBlank();
            }
            browser.open(console + "/box-office?performanceId=" + performanceId);
            browser.screenshot("console-5-box-office");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static void addZone(Chromium browser, String name, String price, String category) {
        browser.find("#zone-name").sendKeys(name);
        new Select(browser.find("#zone-kind")).selectByValue("SEATED");
        browser.find("#zone-price").sendKeys(price);
        browser.find("#zone-categories").sendKeys(category);
        int before = browser.driver().findElements(By.cssSelector("table.data tbody tr")).size();
        browser.find("#zone-form button").click();
        browser.waiting()
                .until(
                        d ->
                                d.findElements(By.cssSelector("table.data tbody tr")).size()
                                        == before + 1);
    }
}
