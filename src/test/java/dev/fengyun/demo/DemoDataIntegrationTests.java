package dev.fengyun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.SecondInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** FENGYUN_DEMO_DATA=true gives a real on-sale right away, once, however many instances start. */
class DemoDataIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void seedsADemoOnSaleOnceAcrossInstances() {
        try (SecondInstance first = SecondInstance.start(Map.of("FENGYUN_DEMO_DATA", "true"));
                SecondInstance second = SecondInstance.start(Map.of("FENGYUN_DEMO_DATA", "true"))) {
            Api demo = first.api();
            JsonNode onSale =
                    demo.get("/api/v1/public/performances?status=ON_SALE&size=100")
                            .json()
                            .get("items");
            assertThat(onSale.findValuesAsString("venueName"))
                    .contains("Grand Theatre 大剧院", "Fengyun Arena 风云体育馆");

            long theatreShow = idOf(onSale, "Grand Theatre 大剧院");
            JsonNode seats =
                    demo.get("/api/v1/public/performances/" + theatreShow + "/seats")
                            .json()
                            .get("seats");
            assertThat(seats.size()).isGreaterThanOrEqualTo(1_000);
            JsonNode zones =
                    demo.get("/api/v1/public/performances/" + theatreShow).json().get("zones");
            assertThat(zones.findValuesAsString("amount").stream().distinct().count())
                    .isGreaterThanOrEqualTo(2);

            JsonNode arena =
                    demo.get("/api/v1/public/performances/" + idOf(onSale, "Fengyun Arena 风云体育馆"))
                            .json();
            long capacity = 0;
            for (JsonNode zone : arena.get("zones")) {
                capacity += zone.get("capacity").asLong();
            }
            assertThat(capacity).isEqualTo(12_000);

            Integer organizers =
                    jdbc.sql("SELECT count(*) FROM organizers WHERE slug = 'fengyun-demo'")
                            .query(Integer.class)
                            .single();
            assertThat(organizers).isEqualTo(1);
        }
    }

    private static long idOf(JsonNode items, String venue) {
        for (JsonNode item : items) {
            if (item.get("venueName").asString().equals(venue)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("no performance at " + venue);
    }
}
