package dev.fengyun.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that start the whole application on a random port against the shared test
 * PostgreSQL and talk to it over HTTP. Every such test shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String ADMIN_EMAIL = "admin@test.fengyun.dev";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    @LocalServerPort protected int port;

    protected Api api;
    protected Fixtures fixtures;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("FENGYUN_DB_URL", TestDatabase::jdbcUrl);
        registry.add("FENGYUN_DB_USER", TestDatabase::user);
        registry.add("FENGYUN_MASTER_KEY", () -> TestDatabase.MASTER_KEY);
        registry.add("FENGYUN_ADMIN_EMAIL", () -> ADMIN_EMAIL);
        registry.add("FENGYUN_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        registry.add("FENGYUN_PAYMENT_DEMO", () -> "true");
        registry.add("FENGYUN_SMTP_HOST", () -> "127.0.0.1");
        registry.add("FENGYUN_SMTP_PORT", TestMail::port);
        registry.add("FENGYUN_SMTP_TLS", () -> "off");
        registry.add("FENGYUN_MAIL_FROM", () -> "Fengyun Tickets <tickets@test.fengyun.dev>");
        registry.add("FENGYUN_PUBLIC_URL", () -> "https://tickets.test.fengyun.dev");
        registry.add("FENGYUN_WEBHOOK_ALLOW_LOOPBACK", () -> "true");
        // Tests call from one address far faster than any buyer; RateLimitIntegrationTests
        // starts instances with the limits on.
        registry.add("FENGYUN_RATE_LIMITS", () -> "off");
        registry.add(
                "FENGYUN_DATA_DIR",
                () -> java.nio.file.Path.of("target", "test-data").toAbsolutePath().toString());
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        fixtures = new Fixtures(api);
    }
}
