package dev.fengyun.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the buyer pages say about a performance whose sales start later. */
class BuyerPagesIntegrationTests extends IntegrationTest {

    @Test
    void aPerformanceWhoseSalesStartLaterIsComingUpWithItsDateAndNoBuyButton() {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance later =
                fixtures.publishedPerformance(
                        org,
                        fixtures.venueWithHall(org, 1, 2, 5, 0),
                        10,
                        Map.of(
                                "salesStartAt",
                                OffsetDateTime.now().plusDays(2).withNano(0).toString()));
        String title =
                api.get("/api/v1/public/performances/" + later.id())
                        .json()
                        .get("event")
                        .get("title")
                        .asString();

        Api.Response listing =
                api.get("/api/v1/public/performances?q=" + title.replace(" ", "%20"));
        assertThat(listing.json().get("items").get(0).get("salesOpen").asBoolean()).isFalse();

        Api english = api.header("Accept-Language", "en");
        String home = english.get("/?q=" + title.replace(" ", "+")).body();
        assertThat(home).contains("Coming up", "on sale from").doesNotContain("On sale now");
        assertThat(home).doesNotContain("/performances/" + later.id() + "\"");

        String page = english.get("/performances/" + later.id()).body();
        assertThat(page).contains("Tickets go on sale").doesNotContain("id=\"hold-seats\"");
    }

    @Test
    void aLongListingIsPagedWithLinksThatKeepTheSearch() {
        Fixtures.Org org = fixtures.organizer();
        long hall = fixtures.venueWithHall(org, 1, 2, 2, 0);
        for (int i = 0; i < 25; i++) {
            fixtures.publishedPerformance(org, hall, 5, Map.of());
        }
        Api.Response first = api.get("/?q=Show");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("class=\"pager\"").contains("?q=Show&amp;page=2");
        Api.Response second = api.get("/?q=Show&page=2");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("?q=Show&amp;page=1");
    }
}
