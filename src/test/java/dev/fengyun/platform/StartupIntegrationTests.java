package dev.fengyun.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.AppProcess;
import dev.fengyun.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Starts the application as a real process, the way an operator does, and checks the promises of
 * the README: the embedded database works with no configuration and survives a restart, bad
 * configuration is reported in one line, and the migrate-only mode migrates and exits.
 */
class StartupIntegrationTests {

    private static final Path LOGS = Path.of("target", "process-logs");

    /**
     * With the embedded database and no SMTP server, a demo purchase's confirmation is shown at
     * /dev/mail with its tickets attached.
     */
    private static void developmentMailIsCaptured(Api app) throws InterruptedException {
        JsonNode performance =
                app.get("/api/v1/public/performances?status=ON_SALE").json().get("items").get(0);
        JsonNode zone = null;
        for (JsonNode z :
                app.get("/api/v1/public/performances/" + performance.get("id").asLong())
                        .json()
                        .get("zones")) {
            zone = z;
        }
        Api.Response hold =
                app.post(
                        "/api/v1/holds",
                        Map.of(
                                "performanceId",
                                performance.get("id").asLong(),
                                "zoneId",
                                zone.get("id").asLong(),
                                "quantity",
                                1));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Api.Response order =
                app.post(
                        "/api/v1/orders",
                        Map.of(
                                "holdId",
                                hold.json().get("id").asString(),
                                "email",
                                "dev-mail@example.com",
                                "name",
                                "Dev Mail",
                                "paymentMethod",
                                "demo"));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        String code = order.json().get("code").asString();
        assertThat(
                        app.post(
                                        "/demo-gateway/payments/"
                                                + order.json().get("payment").get("id").asString()
                                                + "/succeed",
                                        null)
                                .status())
                .isEqualTo(200);

        String list = "";
        for (int i = 0; i < 100 && !list.contains(code); i++) {
            Thread.sleep(200);
            list = app.get("/dev/mail").body();
        }
        assertThat(list).contains("dev-mail@example.com", code);
        Matcher link = Pattern.compile("href=\"(/dev/mail/\\d+)\"").matcher(list);
        assertThat(link.find()).isTrue();
        String message = app.get(link.group(1)).body();
        assertThat(message).contains("tickets-" + code + ".pdf", "event.ics", "Dev Mail");
        Api.Response pdf = app.get(link.group(1) + "/attachments/0");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF");
    }

    @TempDir Path dataDir;

    @Test
    void startsOnTheEmbeddedDatabaseWithADemoOnSaleAndKeepsDataAcrossARestart() throws Exception {
        Map<String, String> environment = Map.of("FENGYUN_DATA_DIR", dataDir.toString());
        String email = "persisted-" + System.nanoTime() + "@example.com";
        long firstStart;
        long rss;
        try (AppProcess first = AppProcess.start(environment, LOGS.resolve("embedded-first.log"))) {
            firstStart = first.awaitReady(Duration.ofSeconds(90));
            rss = first.residentKib();
            assertThat(first.output())
                    .contains("Created platform admin admin@fengyun.local with password");
            Api.Response onSale = first.api().get("/api/v1/public/performances?status=ON_SALE");
            assertThat(onSale.json().get("total").asLong())
                    .as("the demo on-sale")
                    .isGreaterThanOrEqualTo(5);
            Api.Response registered =
                    first.api()
                            .post(
                                    "/api/v1/auth/register",
                                    Map.of(
                                            "email",
                                            email,
                                            "password",
                                            "persisted password",
                                            "name",
                                            "Persisted"));
            assertThat(registered.status()).isEqualTo(201);
            developmentMailIsCaptured(first.api());
            assertThat(first.terminate(Duration.ofSeconds(40)))
                    .as("exit code after SIGTERM")
                    .isZero();
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
        assertThat(dataDir.resolve("master.key")).as("the generated master key").exists();

        long restart;
        try (AppProcess second =
                AppProcess.start(environment, LOGS.resolve("embedded-second.log"))) {
            restart = second.awaitReady(Duration.ofSeconds(60));
            Api.Response token =
                    second.api()
                            .post(
                                    "/api/v1/auth/tokens",
                                    Map.of("email", email, "password", "persisted password"));
            assertThat(token.status()).as(token.body()).isEqualTo(201);
            assertThat(second.output()).doesNotContain("Created platform admin");
        }
        System.out.printf(
                "embedded database: first start %d ms, restart %d ms, RSS after start %d MiB%n",
                firstStart, restart, rss / 1024);
    }

    @Test
    void recoversFromAPostgresLeftRunningByAKilledProcess() {
        Map<String, String> environment =
                Map.of("FENGYUN_DATA_DIR", dataDir.toString(), "FENGYUN_DEMO_DATA", "false");
        try (AppProcess victim =
                AppProcess.start(environment, LOGS.resolve("embedded-killed.log"))) {
            victim.awaitReady(Duration.ofSeconds(90));
            ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();
            victim.awaitExit(Duration.ofSeconds(30));
        }
        try (AppProcess next =
                AppProcess.start(environment, LOGS.resolve("embedded-after-kill.log"))) {
            next.awaitReady(Duration.ofSeconds(90));
            assertThat(next.output()).contains("left running on");
        }
    }

    @Test
    void aTooShortAdminPasswordStopsStartUpNamingTheVariable() {
        try (AppProcess process =
                AppProcess.start(
                        Map.of(
                                "FENGYUN_DATA_DIR", dataDir.toString(),
                                "FENGYUN_ADMIN_EMAIL", "root@example.com",
                                "FENGYUN_ADMIN_PASSWORD", "x"),
                        LOGS.resolve("bad-admin-password.log"))) {
            assertThat(process.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(process.output())
                    .contains("FENGYUN_ADMIN_PASSWORD must be at least 12 characters")
                    .doesNotContain("\tat ");
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }

    @Test
    void anUnknownModeIsRejectedInOneLine() {
        try (AppProcess process =
                AppProcess.start(
                        Map.of("FENGYUN_MODE", "sideways"), LOGS.resolve("bad-mode.log"))) {
            assertThat(process.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(process.output().strip())
                    .isEqualTo(
                            "fengyun: FENGYUN_MODE must be one of serve, migrate, got 'sideways'");
        }
    }

    @Test
    void migrateModeMigratesAnExternalDatabaseAndExits() throws Exception {
        String database = "migrate_" + System.nanoTime();
        String adminUrl = TestDatabase.jdbcUrl();
        try (Connection connection =
                        DriverManager.getConnection(adminUrl, TestDatabase.user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        String url = adminUrl.replace("/postgres", "/" + database);
        try (AppProcess process =
                AppProcess.start(
                        Map.of(
                                "FENGYUN_MODE",
                                "migrate",
                                "FENGYUN_DB_URL",
                                url,
                                "FENGYUN_DB_USER",
                                TestDatabase.user()),
                        LOGS.resolve("migrate-mode.log"))) {
            assertThat(process.awaitExit(Duration.ofSeconds(60))).as(process.output()).isZero();
        }
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), "");
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rows.next();
            assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(2);
        }
        assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
    }
}
