package dev.fengyun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SettingsTests {

    private final MockEnvironment environment = new MockEnvironment();
    private final Settings settings = new Settings(environment);

    @Test
    void readsFlagsInTheirCommonSpellings() {
        environment.setProperty("FENGYUN_A", "off");
        environment.setProperty("FENGYUN_B", "YES");
        assertThat(settings.flag("FENGYUN_A", true)).isFalse();
        assertThat(settings.flag("FENGYUN_B", false)).isTrue();
        assertThat(settings.flag("FENGYUN_UNSET", true)).isTrue();
    }

    @Test
    void namesTheVariableWhenAFlagIsNeitherTrueNorFalse() {
        environment.setProperty("FENGYUN_DB_MIGRATE", "maybe");
        assertThatThrownBy(() -> settings.flag("FENGYUN_DB_MIGRATE", true))
                .isInstanceOf(InvalidSetting.class)
                .hasMessage("FENGYUN_DB_MIGRATE must be true or false, got 'maybe'");
    }

    @Test
    void readsDurationsInShortAndIsoForm() {
        environment.setProperty("FENGYUN_A", "10m");
        environment.setProperty("FENGYUN_B", "PT90S");
        assertThat(settings.duration("FENGYUN_A", Duration.ZERO)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.duration("FENGYUN_B", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        environment.setProperty("FENGYUN_C", "ten minutes");
        assertThatThrownBy(() -> settings.duration("FENGYUN_C", Duration.ZERO))
                .hasMessageStartingWith("FENGYUN_C must be a duration");
    }

    @Test
    void enforcesIntegerBounds() {
        environment.setProperty("FENGYUN_DB_POOL_SIZE", "1000");
        assertThatThrownBy(() -> settings.integer("FENGYUN_DB_POOL_SIZE", 20, 2, 500))
                .hasMessage("FENGYUN_DB_POOL_SIZE must be between 2 and 500");
        environment.setProperty("FENGYUN_DB_POOL_SIZE", "lots");
        assertThatThrownBy(() -> settings.integer("FENGYUN_DB_POOL_SIZE", 20, 2, 500))
                .hasMessage("FENGYUN_DB_POOL_SIZE must be a whole number, got 'lots'");
    }

    @Test
    void treatsBlankValuesAsUnset() {
        environment.setProperty("FENGYUN_A", "   ");
        assertThat(settings.text("FENGYUN_A")).isEmpty();
        assertThat(settings.choice("FENGYUN_A", "text", "text", "json")).isEqualTo("text");
    }
}
