package dev.fengyun.platform.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fengyun.platform.InvalidSetting;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What is checked before anything starts. */
class PlatformSettingsCheckTests {

    private final MockEnvironment environment =
            new MockEnvironment()
                    .withProperty("FENGYUN_DB_URL", "jdbc:postgresql://db:5432/fengyun")
                    .withProperty("FENGYUN_DB_USER", "app");

    @Test
    void anExternalDatabaseNeedsAMasterKeyToServe() {
        assertThatThrownBy(
                        () -> new PlatformSettingsCheck().postProcessEnvironment(environment, null))
                .isInstanceOf(InvalidSetting.class)
                .hasMessageStartingWith("FENGYUN_MASTER_KEY must be set with an external database");
        environment.setProperty(
                "FENGYUN_MASTER_KEY", "dGVzdC1tYXN0ZXIta2V5LWZvci1mZW5neXVuLXRlc3Q=");
        assertThatCode(() -> new PlatformSettingsCheck().postProcessEnvironment(environment, null))
                .doesNotThrowAnyException();
    }

    @Test
    void migrationsRunWithoutOne() {
        environment.setProperty("FENGYUN_MODE", "migrate");
        assertThatCode(() -> new PlatformSettingsCheck().postProcessEnvironment(environment, null))
                .doesNotThrowAnyException();
    }
}
