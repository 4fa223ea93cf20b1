package dev.fengyun.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.Fixtures.Account;
import dev.fengyun.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdentityApiIntegrationTests extends IntegrationTest {

    @Test
    void registersABuyerAndIssuesAWorkingToken() {
        String email = "Buyer-" + Fixtures.unique() + "@Example.com";
        Api.Response registered =
                api.post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                email,
                                "password",
                                "correct horse battery",
                                "name",
                                "Li Lei"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("email").asString()).isEqualTo(email.toLowerCase());

        Api.Response token =
                api.post(
                        "/api/v1/auth/tokens",
                        Map.of("email", email, "password", "correct horse battery"));
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.json().get("token").asString()).startsWith("fyk_");
        assertThat(token.json().get("expiresAt").asString()).isNotBlank();

        Api.Response me = api.as(token.json().get("token").asString()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo("Li Lei");
        assertThat(me.json().get("platformAdmin").asBoolean()).isFalse();
    }

    @Test
    void rejectsASecondAccountForTheSameEmailInAnyCase() {
        Account account = fixtures.account("twice");
        Api.Response again =
                api.post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                account.email().toUpperCase(),
                                "password",
                                "another password",
                                "name",
                                "X"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void namesEveryInvalidFieldOfARegistration() {
        Api.Response response =
                api.post(
                        "/api/v1/auth/register",
                        Map.of("email", "not-an-email", "password", "short", "name", ""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(response.json())).contains("email", "password", "name");
    }

    @Test
    void refusesTokensForAWrongPasswordWithoutSayingWhichPartWasWrong() {
        Account account = fixtures.account("wrong");
        Api.Response wrongPassword =
                api.post(
                        "/api/v1/auth/tokens",
                        Map.of("email", account.email(), "password", "not it at all"));
        Api.Response unknownEmail =
                api.post(
                        "/api/v1/auth/tokens",
                        Map.of(
                                "email",
                                "nobody-" + Fixtures.unique() + "@example.com",
                                "password",
                                "whatever1"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
    }

    @Test
    void aRevokedTokenStopsWorking() {
        Account account = fixtures.account("revoker");
        Api.Response tokens = api.as(account.token()).get("/api/v1/auth/tokens");
        assertThat(tokens.status()).isEqualTo(200);
        String id = tokens.json().get("items").get(0).get("id").asString();

        assertThat(api.as(account.token()).delete("/api/v1/auth/tokens/" + id).status())
                .isEqualTo(204);

        Api.Response after = api.as(account.token()).get("/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("code").asString()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void anUnauthenticatedOrganizerListIsA401Problem() {
        Api.Response response = api.get("/api/v1/organizers");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void onlyPlatformAdminsCreateOrganizers() {
        Account someone = fixtures.account("someone");
        Api.Response refused =
                api.as(someone.token())
                        .post(
                                "/api/v1/organizers",
                                Map.of("id", "org-" + Fixtures.unique(), "name", "X"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("ADMIN_REQUIRED");

        Api.Response badSlug =
                api.as(fixtures.adminToken())
                        .post("/api/v1/organizers", Map.of("id", "Not A Slug!", "name", "X"));
        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(fields(badSlug.json())).containsExactly("id");
    }

    @Test
    void membersSeeTheirOrganizersAndNotOthers() {
        Fixtures.Org a = fixtures.organizer();
        Fixtures.Org b = fixtures.organizer();

        JsonNode list = api.as(a.owner().token()).get("/api/v1/organizers").json().get("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asString()).isEqualTo(a.slug());
        assertThat(list.get(0).get("role").asString()).isEqualTo("OWNER");

        Api.Response foreign = api.as(a.owner().token()).get("/api/v1/organizers/" + b.slug());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asString()).isEqualTo("ORGANIZER_NOT_FOUND");
        Api.Response foreignMembers =
                api.as(a.owner().token()).get("/api/v1/organizers/" + b.slug() + "/members");
        assertThat(foreignMembers.status()).isEqualTo(404);

        JsonNode adminList =
                api.as(fixtures.adminToken()).get("/api/v1/organizers").json().get("items");
        assertThat(adminList.findValuesAsString("id")).contains(a.slug(), b.slug());
    }

    @Test
    void ownersManageTheTeamButCannotRemoveTheLastOwner() {
        Fixtures.Org org = fixtures.organizer();
        Account manager = fixtures.account("manager");
        Api owner = api.as(org.owner().token());
        String members = "/api/v1/organizers/" + org.slug() + "/members";

        Api.Response added =
                owner.post(members, Map.of("email", manager.email(), "role", "MANAGER"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("role").asString()).isEqualTo("MANAGER");

        Api.Response byManager =
                api.as(manager.token())
                        .post(members, Map.of("email", manager.email(), "role", "OWNER"));
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.json().get("code").asString()).isEqualTo("ROLE_REQUIRED");

        Api.Response demoteSelf =
                owner.put(members + "/" + org.owner().id(), Map.of("role", "MANAGER"));
        assertThat(demoteSelf.status()).isEqualTo(409);
        assertThat(demoteSelf.json().get("code").asString()).isEqualTo("LAST_OWNER");

        assertThat(owner.put(members + "/" + manager.id(), Map.of("role", "OWNER")).status())
                .isEqualTo(200);
        assertThat(owner.put(members + "/" + org.owner().id(), Map.of("role", "SCANNER")).status())
                .isEqualTo(200);
        assertThat(api.as(manager.token()).delete(members + "/" + org.owner().id()).status())
                .isEqualTo(204);
        assertThat(api.as(manager.token()).get(members).json().get("items")).hasSize(1);

        Api.Response unknown =
                api.as(manager.token())
                        .post(
                                members,
                                Map.of(
                                        "email",
                                        "nobody-" + Fixtures.unique() + "@example.com",
                                        "role",
                                        "SCANNER"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    private static java.util.List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsString("field");
    }
}
