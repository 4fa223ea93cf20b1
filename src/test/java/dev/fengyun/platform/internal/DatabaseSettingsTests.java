package dev.fengyun.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fengyun.platform.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DatabaseSettingsTests {

    private final MockEnvironment environment = new MockEnvironment();

    @Test
    void usesTheEmbeddedDatabaseWhenNoUrlIsSet() {
        environment.setProperty("FENGYUN_DATA_DIR", "/var/lib/fengyun");
        DatabaseSettings settings = DatabaseSettings.from(new Settings(environment));
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.dataDir()).hasToString("/var/lib/fengyun");
        assertThat(settings.migrate()).isTrue();
    }

    @Test
    void acceptsJdbcUrlsWithSeparateCredentials() {
        environment.setProperty("FENGYUN_DB_URL", "jdbc:postgresql://db:5432/fengyun");
        environment.setProperty("FENGYUN_DB_USER", "app");
        environment.setProperty("FENGYUN_DB_PASSWORD", "secret");
        DatabaseSettings settings = DatabaseSettings.from(new Settings(environment));
        assertThat(settings.url()).contains("jdbc:postgresql://db:5432/fengyun");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("secret");
    }

    @Test
    void acceptsPlatformStyleUrlsWithCredentialsInside() {
        environment.setProperty(
                "FENGYUN_DB_URL", "postgres://app:p%40ss@db.internal:6432/tickets?sslmode=require");
        DatabaseSettings settings = DatabaseSettings.from(new Settings(environment));
        assertThat(settings.url())
                .contains("jdbc:postgresql://db.internal:6432/tickets?sslmode=require");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("p@ss");
    }

    @Test
    void rejectsOtherDatabasesAndMissingUsers() {
        environment.setProperty("FENGYUN_DB_URL", "jdbc:mysql://db/fengyun");
        assertThatThrownBy(() -> DatabaseSettings.from(new Settings(environment)))
                .hasMessageStartingWith("FENGYUN_DB_URL must be a PostgreSQL URL");
        environment.setProperty("FENGYUN_DB_URL", "jdbc:postgresql://db/fengyun");
        assertThatThrownBy(() -> DatabaseSettings.from(new Settings(environment)))
                .hasMessage("FENGYUN_DB_USER must be set when FENGYUN_DB_URL is set");
    }
}
