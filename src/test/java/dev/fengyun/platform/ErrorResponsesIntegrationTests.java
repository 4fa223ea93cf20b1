package dev.fengyun.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Every error a client can provoke is an RFC 9457 problem with a stable code and no internals. */
class ErrorResponsesIntegrationTests extends IntegrationTest {

    @Test
    void unknownPathsAre404Problems() {
        assertProblem(api.get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodsAre405Problems() {
        String token = fixtures.account("methods").token();
        assertProblem(api.as(token).delete("/api/v1/auth/register"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void wrongContentTypesAre415Problems() {
        Api.Response response =
                api.header("Content-Type", "text/plain").post("/api/v1/auth/register", "email=x");
        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformedJsonIsA400ProblemWithoutParserInternals() {
        Api.Response response = api.post("/api/v1/auth/register", "{\"email\": ");
        assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.body()).doesNotContain("tools.jackson", "Exception", "at [Source");
    }

    @Test
    void aWronglyTypedFieldIsNamed() {
        Api.Response response =
                api.post(
                        "/api/v1/auth/tokens",
                        "{\"email\":\"a@b.c\",\"password\":\"x\",\"days\":\"many\"}");
        assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("days");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("type").asString()).startsWith("urn:fengyun:problem:");
        assertThat(response.body()).doesNotContain("stackTrace", "trace", "SQL");
    }
}
