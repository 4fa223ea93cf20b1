package dev.fengyun.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What buyers see of the catalog: published performances, found by city, title and time. */
class PublicCatalogIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    private Fixtures.Org org;
    private Api owner;
    private String base;

    @BeforeEach
    void organizer() {
        org = fixtures.organizer();
        owner = api.as(org.owner().token());
        base = "/api/v1/organizers/" + org.slug();
    }

    @Test
    void buyersFindPerformancesByCityTitleAndTime() {
        long venueId = fixtures.venueWithHall(org, 1, 4, 10, 0);
        Fixtures.Performance performance = fixtures.publishedPerformance(org, venueId, 0, Map.of());
        String title =
                owner.get(base + "/events/" + performance.eventId()).json().get("title").asString();

        JsonNode found =
                api.get(
                                "/api/v1/public/performances?status=ON_SALE&city=hangzhou&q="
                                        + title.replace(" ", "%20"))
                        .json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode item = found.get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(performance.id());
        assertThat(item.get("eventTitle").asString()).isEqualTo(title);
        assertThat(item.get("venueName").asString()).startsWith("Hall ");
        assertThat(item.get("city").asString()).isEqualTo("Hangzhou");
        assertThat(item.get("status").asString()).isEqualTo("ON_SALE");

        String later = OffsetDateTime.now().plusDays(60).toString().replace("+", "%2B");
        assertThat(
                        api.get(
                                        "/api/v1/public/performances?q="
                                                + title.replace(" ", "%20")
                                                + "&from="
                                                + later)
                                .json()
                                .get("total")
                                .asLong())
                .isZero();
        assertThat(api.get("/api/v1/public/performances?status=SOLD_OUT").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/public/performances?size=1000").status()).isEqualTo(400);

        JsonNode event = api.get("/api/v1/public/events/" + performance.eventId()).json();
        assertThat(event.get("performances").findValuesAsString("status"))
                .containsExactly("ON_SALE");
        assertThat(
                        api.get("/api/v1/public/events?q=" + title.replace(" ", "%20"))
                                .json()
                                .get("items")
                                .get(0)
                                .get("cities")
                                .get(0)
                                .asString())
                .isEqualTo("Hangzhou");
    }

    @Test
    void draftsStayHiddenAndIncompletePerformancesCannotBePublished() {
        long venueId = fixtures.venueWithHall(org, 1, 4, 10, 0);
        long eventId =
                owner.post(base + "/events", Map.of("title", "Draft show", "category", "THEATRE"))
                        .json()
                        .get("id")
                        .asLong();
        Api.Response created =
                owner.post(
                        base + "/events/" + eventId + "/performances",
                        Map.of(
                                "venueId",
                                venueId,
                                "startsAt",
                                OffsetDateTime.now().plusDays(3).toString()));
        long performanceId = created.json().get("id").asLong();
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.get("/api/v1/public/performances/" + performanceId).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/public/performances/" + performanceId + "/seats").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/public/events/" + eventId).status()).isEqualTo(404);

        Api.Response refused =
                owner.post(base + "/performances/" + performanceId + "/publish", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("PERFORMANCE_NOT_READY");
        assertThat(refused.json().get("problems").get(0).asString())
                .contains("at least one price zone");

        Api.Response unknownCategory =
                owner.post(
                        base + "/performances/" + performanceId + "/zones",
                        Map.of(
                                "name",
                                "Gold",
                                "kind",
                                "SEATED",
                                "price",
                                Fixtures.price("10.00"),
                                "categories",
                                List.of("GOLD")));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("errors").findValuesAsString("field"))
                .containsExactly("categories");
        assertThat(
                        jdbc.sql("SELECT count(*) FROM units WHERE performance_id = :id")
                                .param("id", performanceId)
                                .query(Long.class)
                                .single())
                .as("a performance that was not published has no units")
                .isZero();
    }
}
