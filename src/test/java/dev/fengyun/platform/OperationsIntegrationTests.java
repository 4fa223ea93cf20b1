package dev.fengyun.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What operators and tools rely on: probes, metrics, build info, the API description. */
class OperationsIntegrationTests extends IntegrationTest {

    @Test
    void livenessAndReadinessAreUp() {
        Api.Response liveness = api.get("/actuator/health/liveness");
        Api.Response readiness = api.get("/actuator/health/readiness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetrics() {
        api.get("/api/v1/organizers");
        Api.Response metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "jvm_memory_used_bytes",
                        "hikaricp_connections_active",
                        "http_server_requests");
    }

    @Test
    void infoNamesTheVersionAndCommit() {
        Api.Response info = api.get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("build").get("version").asString()).isNotBlank();
        assertThat(info.json().get("git").get("commit").get("id").asString()).isNotBlank();
    }

    @Test
    void describesTheApiInOpenApi() {
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/auth/register")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/organizers/{org}/members")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theLandingPageSaysWhatThisIsInTheVisitorsLanguage() {
        Api.Response english = api.header("Accept-Language", "en-GB").get("/");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("Fengyun Ticketing", "lang=\"en\"");
        Api.Response chinese = api.header("Accept-Language", "zh-CN,zh;q=0.9").get("/");
        assertThat(chinese.body()).contains("风云票务", "lang=\"zh-CN\"");
    }
}
