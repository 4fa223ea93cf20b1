package dev.fengyun.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Shared copies of public reads: served as the original was, and never staler than promised. */
class PublicResponsesIntegrationTests extends IntegrationTest {

    @Autowired PublicResponses responses;

    private Fixtures.Org org;
    private Fixtures.Performance show;

    @BeforeEach
    void onSale() {
        org = fixtures.organizer();
        long venue = fixtures.venueWithHall(org, 1, 4, 10, 50);
        show = fixtures.publishedPerformance(org, venue, 50, Map.of());
    }

    @Test
    void aCopyIsServedWithTheOriginalsBodyAndHeaders() {
        String path = "/api/v1/public/performances/" + show.id() + "/seats";
        Api.Response original = api.get(path);
        assertThat(original.status()).isEqualTo(200);
        assertThat(responses.find(path)).as("kept after the first read").isNotNull();

        Api.Response copy = api.get(path);
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.body()).isEqualTo(original.body());
        for (String header :
                new String[] {
                    "Content-Type",
                    "ETag",
                    "Cache-Control",
                    "X-Content-Type-Options",
                    "X-Frame-Options",
                    "Content-Security-Policy"
                }) {
            assertThat(copy.header(header)).as(header).isEqualTo(original.header(header));
        }
        assertThat(copy.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(copy.header("Set-Cookie")).isNull();

        Api.Response revalidated = api.header("If-None-Match", original.header("ETag")).get(path);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo(original.header("ETag"));
    }

    @Test
    void pausingASaleShowsAtOnceDespiteTheCopy() {
        String path = "/api/v1/public/performances/" + show.id();
        assertThat(api.get(path).json().get("status").asString()).isEqualTo("ON_SALE");
        assertThat(responses.find(path)).isNotNull();

        Api.Response paused =
                api.as(org.owner().token())
                        .post(
                                "/api/v1/organizers/"
                                        + org.slug()
                                        + "/performances/"
                                        + show.id()
                                        + "/pause",
                                null);
        assertThat(paused.status()).isEqualTo(200);

        assertThat(api.get(path).json().get("status").asString()).isEqualTo("PAUSED");
    }

    @Test
    void failuresAndPersonalReadsAreNeverKept() {
        String missing = "/api/v1/public/performances/987654321";
        assertThat(api.get(missing).status()).isEqualTo(404);
        assertThat(responses.find(missing)).isNull();
        assertThat(api.get(missing).json().get("code").asString())
                .isEqualTo("PERFORMANCE_NOT_FOUND");

        String withQuery = "/api/v1/public/performances?size=5";
        assertThat(api.get(withQuery).status()).isEqualTo(200);
        assertThat(responses.find(withQuery)).isNull();
        assertThat(responses.find("/api/v1/public/performances")).isNull();
    }
}
