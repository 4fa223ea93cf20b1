package dev.fengyun.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Browser;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.SecondInstance;
import dev.fengyun.support.TestMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertThat(created.header("Location")).endsWith("/me/verify-email");
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
    void aNewAccountVerifiesItsAddressWithTheCodeItWasSent() throws Exception {
        Browser browser = new Browser();
        Api.Response form = browser.get(api.base() + "/signup");
        String email = "verify-" + Fixtures.unique() + "@example.com";
        browser.postForm(
                api.base() + "/signup",
                Map.of(
                        "_csrf",
                        Browser.csrfToken(form),
                        "name",
                        "Li Lei",
                        "email",
                        email,
                        "password",
                        "a long password"));
        Api.Response page = browser.get(api.base() + "/me/verify-email");
        assertThat(page.body()).contains(email).doesNotContain("id=\"verified\"");

        List<jakarta.mail.internet.MimeMessage> mail =
                TestMail.to(email, 1, Duration.ofSeconds(20));
        assertThat(mail).hasSize(1);
        String text =
                mail.get(0).getContent() instanceof jakarta.mail.Multipart multipart
                        ? textOf(multipart)
                        : mail.get(0).getContent().toString();
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        assertThat(mail.get(0).getSubject()).endsWith(code.group(1));

        // A wrong guess is explained; the right code verifies the address.
        String wrong = code.group(1).equals("000000") ? "111111" : "000000";
        Api.Response refused =
                browser.postForm(
                        api.base() + "/me/verify-email",
                        Map.of("_csrf", Browser.csrfToken(page), "code", wrong));
        assertThat(refused.body()).contains("id=\"verify-error\"");
        Api.Response verified =
                browser.postForm(
                        api.base() + "/me/verify-email",
                        Map.of("_csrf", Browser.csrfToken(page), "code", code.group(1)));
        assertThat(verified.body()).contains("id=\"verified\"");
        String token =
                api.post(
                                "/api/v1/auth/tokens",
                                Map.of("email", email, "password", "a long password"))
                        .json()
                        .get("token")
                        .asString();
        assertThat(api.as(token).get("/api/v1/me").json().get("emailVerified").asBoolean())
                .isTrue();
        // The code is not kept once the message went out.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(
                                                jdbc.sql(
                                                                "SELECT params::text FROM mail_outbox WHERE recipient = :email")
                                                        .param("email", email)
                                                        .query(String.class)
                                                        .single())
                                        .isEqualTo("{}"));
    }

    private static String textOf(jakarta.mail.Multipart multipart) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                text.append(textOf(nested));
            } else if (part.isMimeType("text/plain")) {
                text.append(part.getContent());
            }
        }
        return text.toString();
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
