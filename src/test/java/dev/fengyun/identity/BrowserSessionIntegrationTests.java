package dev.fengyun.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Browser;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.SecondInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-up and sign-in pages: CSRF-protected forms, sessions kept in PostgreSQL. */
class BrowserSessionIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        Browser browser = new Browser();
        Api.Response refused =
                browser.postForm(
                        api.base() + "/signup",
                        Map.of(
                                "name",
                                "Mallory",
                                "email",
                                "mallory-" + Fixtures.unique() + "@example.com",
                                "password",
                                "long enough"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
    }

    @Test
    void signingUpSignsYouInWithASessionStoredInTheDatabase() {
        Browser browser = new Browser();
        Api.Response form = browser.get(api.base() + "/signup");
        assertThat(form.status()).isEqualTo(200);

        String email = "browser-" + Fixtures.unique() + "@example.com";
        Api.Response created =
                browser.postForm(
                        api.base() + "/signup",
                        Map.of(
                                "_csrf",
                                Browser.csrfToken(form),
                                "name",
                                "Han Meimei",
                                "email",
                                email,
                                "password",
                                "a long password"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.header("Location")).endsWith("/");
        assertThat(browser.cookie("SESSION")).isNotBlank();

        Integer sessions =
                jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :email")
                        .param("email", email)
                        .query(Integer.class)
                        .single();
        assertThat(sessions).isEqualTo(1);
        assertThat(browser.get(api.base() + "/").body()).contains("Han Meimei");
    }

    @Test
    void invalidSignUpsAreExplainedNextToTheField() {
        Browser browser = new Browser();
        Api.Response form = browser.get(api.base() + "/signup", Map.of("Accept-Language", "zh-CN"));
        Api.Response rejected =
                browser.postForm(
                        api.base() + "/signup",
                        Map.of(
                                "_csrf",
                                Browser.csrfToken(form),
                                "name",
                                "Z",
                                "email",
                                "nope",
                                "password",
                                "short"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body())
                .contains("id=\"email-error\"", "id=\"password-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void aSessionStartedOnOneInstanceIsValidOnAnother() {
        Fixtures.Account account = fixtures.account("roaming");
        Browser browser = new Browser();
        Api.Response login = browser.get(api.base() + "/login");
        Api.Response signedIn =
                browser.postForm(
                        api.base() + "/login",
                        Map.of(
                                "_csrf",
                                Browser.csrfToken(login),
                                "email",
                                account.email(),
                                "password",
                                account.password()));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");

        try (SecondInstance other = SecondInstance.start(Map.of())) {
            Api.Response me =
                    browser.get(
                            "http://127.0.0.1:" + other.port() + "/api/v1/me",
                            Map.of("Accept", "application/json"));
            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(me.json().get("email").asString()).isEqualTo(account.email());
        }
    }

    @Test
    void aWrongPasswordSendsYouBackToTheForm() {
        Fixtures.Account account = fixtures.account("mistyped");
        Browser browser = new Browser();
        Api.Response login = browser.get(api.base() + "/login");
        Api.Response failed =
                browser.postForm(
                        api.base() + "/login",
                        Map.of(
                                "_csrf",
                                Browser.csrfToken(login),
                                "email",
                                account.email(),
                                "password",
                                "wrong password"));
        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.header("Location")).endsWith("/login?error");
        assertThat(browser.get(api.base() + "/login?error").body()).contains("role=\"alert\"");
    }

    @Test
    void pagesCarrySecurityHeadersAndHstsOnlyBehindTls() {
        Api.Response plain = api.get("/");
        assertThat(plain.header("Content-Security-Policy"))
                .contains("frame-ancestors 'none'", "script-src 'self'");
        assertThat(plain.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(plain.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(plain.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(plain.header("Strict-Transport-Security")).isNull();

        Api.Response behindTls = api.header("X-Forwarded-Proto", "https").get("/");
        assertThat(behindTls.header("Strict-Transport-Security")).contains("max-age=31536000");
    }
}
