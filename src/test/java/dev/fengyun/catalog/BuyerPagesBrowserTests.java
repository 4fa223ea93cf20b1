package dev.fengyun.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Chromium;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * A buyer's way through the site in headless Chromium: the seat map, checkout, the demo gateway and
 * the tickets; a guest finding an order; the home page in Chinese. Screenshots go to
 * target/screenshots/; any browser console error fails the test.
 */
class BuyerPagesBrowserTests extends IntegrationTest {

    private Fixtures.Performance show;

    @BeforeEach
    void onSale() {
        Fixtures.Org org = fixtures.organizer();
        show =
                fixtures.publishedPerformance(
                        org, fixtures.venueWithHall(org, 2, 4, 10, 0), 50, Map.of());
    }

    @Test
    void aBuyerPicksTwoSeatsOnTheMapPaysAndSeesTwoTicketsWithQrCodes() {
        try (Chromium browser = Chromium.start(port)) {
            browser.open("/performances/" + show.id());
            browser.waiting()
                    .until(
                            d ->
                                    browser.find("#seat-page").getDomAttribute("data-refreshed")
                                            != null);
            browser.screenshot("buyer-1-seat-map");
            seat(browser, "block-1-1-5").click();
            seat(browser, "block-1-1-6").click();
            assertThat(seat(browser, "block-1-1-5").getDomAttribute("aria-checked"))
                    .isEqualTo("true");
            assertThat(browser.driver().findElements(By.cssSelector("#selected-list li")))
                    .hasSize(2);
            assertThat(browser.find("#selected-total").getText()).contains("200.00");
            browser.screenshot("buyer-2-two-seats");
            browser.find("#hold-seats").click();

            browser.waiting().until(d -> d.getCurrentUrl().contains("/checkout/"));
            assertThat(browser.find("#countdown").getText()).matches("\\d+:\\d\\d");
            browser.find("#name").sendKeys("Li Lei");
            browser.find("#email").sendKeys("li.lei@example.com");
            browser.find("input[name=paymentMethod][value=demo]").click();
            browser.screenshot("buyer-3-checkout");
            browser.find("#place-order").click();

            browser.waiting().until(d -> d.getCurrentUrl().contains("/demo-gateway/"));
            browser.screenshot("buyer-4-demo-gateway");
            browser.find("form[action*='/succeed'] button").click();

            browser.waiting().until(d -> d.getCurrentUrl().matches(".*/orders/FY[0-9A-Z]+$"));
            assertThat(browser.find("#order-status").getDomAttribute("data-status"))
                    .isEqualTo("PAID");
            List<WebElement> tickets = browser.driver().findElements(By.cssSelector(".ticket"));
            assertThat(tickets).hasSize(2);
            for (WebElement ticket : tickets) {
                assertThat(ticket.findElements(By.cssSelector(".qr svg path"))).hasSize(1);
            }
            assertThat(browser.find(".tickets").getText())
                    .contains("Row 1 · Seat 5", "Row 1 · Seat 6");
            browser.screenshot("buyer-5-tickets");

            // The PDF link carries no credential: the browser's pass cookie opens it.
            String pdf = browser.find(".downloads a").getDomProperty("href");
            assertThat(pdf).doesNotContain("token").doesNotContain("pass");
            String code = browser.driver().getCurrentUrl().replaceAll(".*/orders/", "");
            Cookie pass = browser.driver().manage().getCookieNamed("fy_pass_" + code);
            assertThat(pass.isHttpOnly()).isTrue();
            String path = pdf.substring(pdf.indexOf("/api/"));
            assertThat(api.get(path).status()).isEqualTo(404);
            Api.Response file =
                    api.header("Cookie", pass.getName() + "=" + pass.getValue()).get(path);
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aGuestFindsTheOrderByCodeAndEmail() {
        JsonNode order =
                fixtures.payAndFetch(
                                fixtures.holdAndOrder(
                                        show.id(),
                                        Map.of("zoneId", show.zoneGa(), "quantity", 2),
                                        "guest@example.com"))
                        .json();
        String code = order.get("code").asString();
        try (Chromium browser = Chromium.start(port)) {
            browser.open("/orders/" + code);
            browser.waiting().until(d -> d.getCurrentUrl().contains("/orders/lookup"));
            assertThat(browser.find("#code").getDomProperty("value")).isEqualTo(code);
            browser.find("#email").sendKeys("someone-else@example.com");
            browser.find("form button[type=submit]").click();
            browser.waiting().until(d -> !d.findElements(By.cssSelector(".error")).isEmpty());
            assertThat(browser.find(".error").getText()).contains("No order matches");

            browser.find("#code").clear();
            browser.find("#code").sendKeys(code.toLowerCase());
            browser.find("#email").clear();
            browser.find("#email").sendKeys("Guest@Example.com");
            browser.find("form button[type=submit]").click();
            browser.waiting().until(d -> d.getCurrentUrl().endsWith("/orders/" + code));
            assertThat(browser.driver().findElements(By.cssSelector(".ticket .qr svg"))).hasSize(2);
            browser.screenshot("guest-order-found");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void theHomePageSpeaksChineseToAChineseBrowser() {
        try (Chromium browser = Chromium.start(port, "zh-CN")) {
            browser.open("/");
            assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
            assertThat(browser.find("h1").getText()).isEqualTo("风云票务");
            assertThat(browser.find(".search button").getText()).isEqualTo("搜索");
            assertThat(browser.find("body").getText()).contains("正在热卖");
            browser.screenshot("home-zh-CN");
            browser.find(".site-header a[hreflang=en]").click();
            browser.waiting().until(d -> browser.find(".search button").getText().equals("Search"));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static WebElement seat(Chromium browser, String id) {
        WebElement seat = browser.find("#seat-map .seat[data-seat-id='" + id + "']");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", seat);
        return seat;
    }
}
