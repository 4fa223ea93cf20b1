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
    void theSeatMapIsGzippedForClientsThatTakeItAndPlainForOthers() {
        String path = "/api/v1/public/performances/" + show.id() + "/seats";
        Api gzip = api.header("Accept-Encoding", "gzip, deflate, br");
        for (int i = 0; i < 2; i++) { // the second answer of each kind comes from its copy
            Api.Response compressed = gzip.get(path);
            Api.Response plain = api.get(path);
            Api.Response refused = api.header("Accept-Encoding", "gzip;q=0, identity").get(path);
            assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(plain.header("Content-Encoding")).isNull();
            assertThat(refused.header("Content-Encoding")).isNull();
            assertThat(compressed.body()).isEqualTo(plain.body()).isEqualTo(refused.body());
            assertThat(compressed.json().get("seats")).hasSize(40);
            assertThat(compressed.header("Vary")).contains("Accept-Encoding");
            assertThat(compressed.header("ETag")).isEqualTo(plain.header("ETag"));
        }
        assertThat(responses.find(path)).isNotNull();
    }

    @Test
    void pausingASaleShowsAtOnceDespiteTheCopy() {
        String path = "/api/v1/public/performances/" + show.id();
        assertThat(api.get(path).json().get("status").asString()).isEqualTo("ON_SALE");
        assertThat(responses.find(path)).isNotNull();

        fixtures.pause(org, show.id());

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
