package dev.fengyun.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.Race;
import dev.fengyun.support.SecondInstance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on two instances with the limits on (the shared test instance runs without them):
 * {@code trusting} believes X-Forwarded-For from loopback (the default), {@code strict} believes
 * nobody. Each test poses as clients of its own addresses so the buckets do not mix.
 */
class RateLimitIntegrationTests extends IntegrationTest {

    static SecondInstance trusting;
    static SecondInstance strict;

    @BeforeAll
    static void startInstances() {
        Map<String, String> limits =
                Map.of("FENGYUN_RATE_LIMITS", "on", "FENGYUN_RATE_LIMIT_LOGIN", "5/5m");
        trusting = SecondInstance.start(limits);
        Map<String, String> strictLimits = new HashMap<>(limits);
        strictLimits.put("FENGYUN_TRUSTED_PROXIES", "none");
        strict = SecondInstance.start(strictLimits);
    }

    @AfterAll
    static void stopInstances() {
        trusting.close();
        strict.close();
    }

    @Test
    void aBurstOf400HoldsFromOneClientIsCutOffWith429AndRetryAfterAndNoServerErrors() {
        Fixtures.Performance show = show();
        Api client = trusting.api().header("X-Forwarded-For", "198.51.100.7");
        List<Api.Response> answers =
                Race.run(400, i -> client.post("/api/v1/holds", holdBody(show)));

        assertThat(answers).noneMatch(a -> a.status() >= 500);
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(30);
        List<Api.Response> refused = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(refused).hasSize(370);
        assertThat(refused)
                .allSatisfy(
                        r -> {
                            assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 60L);
                            assertThat(r.json().get("code").asString()).isEqualTo("RATE_LIMITED");
                            assertThat(r.json().get("kind").asString()).isEqualTo("hold");
                        });
        assertThat(trusting.api().get("/actuator/health/readiness").status())
                .as("health checks are never limited")
                .isEqualTo(200);
        assertThat(
                        trusting.api()
                                .header("X-Forwarded-For", "198.51.100.8")
                                .post("/api/v1/holds", holdBody(show))
                                .status())
                .as("another client is not affected")
                .isEqualTo(201);
    }

    @Test
    void anAccountsLimitHoldsAcrossInstances() {
        Fixtures.Performance show = show();
        String token = fixtures.account("limited").token();
        for (int i = 0; i < 30; i++) {
            Api.Response hold =
                    trusting.api()
                            .as(token)
                            .header("X-Forwarded-For", "203.0.113." + (i + 1))
                            .post("/api/v1/holds", holdBody(show));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        }
        Api.Response elsewhere = strict.api().as(token).post("/api/v1/holds", holdBody(show));
        assertThat(elsewhere.status())
                .as("the other instance's own buckets are fresh; PostgreSQL's is not")
                .isEqualTo(429);
    }

    @Test
    void signInsAreThrottledPerAccountAndPerAddress() {
        String email = fixtures.account("target").email();
        for (int i = 0; i < 5; i++) {
            Api.Response wrong =
                    trusting.api()
                            .header("X-Forwarded-For", "192.0.2." + (i + 1))
                            .post(
                                    "/api/v1/auth/tokens",
                                    Map.of("email", email, "password", "guess-" + i));
            assertThat(wrong.status()).isEqualTo(401);
        }
        Api.Response sixth =
                trusting.api()
                        .header("X-Forwarded-For", "192.0.2.99")
                        .post("/api/v1/auth/tokens", Map.of("email", email, "password", "guess-6"));
        assertThat(sixth.status()).as("from a new address, for the same account").isEqualTo(429);

        Api sprayer = trusting.api().header("X-Forwarded-For", "192.0.2.200");
        for (int i = 0; i < 5; i++) {
            sprayer.post(
                    "/api/v1/auth/tokens",
                    Map.of("email", "nobody-" + i + "@example.com", "password", "x"));
        }
        Api.Response sprayed =
                sprayer.post(
                        "/api/v1/auth/tokens",
                        Map.of("email", "nobody-x@example.com", "password", "x"));
        assertThat(sprayed.status()).as("many accounts from one address").isEqualTo(429);

        Api.Response form =
                trusting.api()
                        .header("X-Forwarded-For", "192.0.2.99")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .send("POST", "/login", "email=" + email + "&password=x");
        assertThat(form.status()).as(form.body()).isEqualTo(302);
        assertThat(form.header("Location")).endsWith("/login?throttled");
    }

    @Test
    void forwardedAddressesFromUntrustedPeersAreIgnored() {
        Fixtures.Performance show = show();
        Api strictApi = strict.api();
        int created = 0;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            Api.Response hold =
                    strictApi
                            .header("X-Forwarded-For", "198.18.0." + (i + 1))
                            .post("/api/v1/holds", holdBody(show));
            created += hold.status() == 201 ? 1 : 0;
            refused += hold.status() == 429 ? 1 : 0;
        }
        assertThat(created).as("one client, whatever it claims").isLessThanOrEqualTo(30);
        assertThat(refused).isGreaterThanOrEqualTo(10);
    }

    private Fixtures.Performance show() {
        Fixtures.Org org = fixtures.organizer();
        return fixtures.publishedPerformance(
                org, fixtures.venueWithHall(org, 1, 2, 2, 0), 200, Map.of());
    }

    private static Map<String, Object> holdBody(Fixtures.Performance show) {
        return Map.of("performanceId", show.id(), "zoneId", show.zoneGa(), "quantity", 1);
    }
}
