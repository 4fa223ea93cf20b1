package dev.fengyun.platform.internal;

import dev.fengyun.platform.MasterKey;
import dev.fengyun.platform.Settings;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Validates the platform's variables before anything starts, and applies {@code
 * FENGYUN_LOG_FORMAT=json}: one JSON object per line (Elastic Common Schema), which log collectors
 * on Kubernetes parse without configuration.
 */
class PlatformSettingsCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        Settings settings = new Settings(environment);
        String mode = settings.choice("FENGYUN_MODE", "serve", "serve", "migrate");
        DatabaseSettings database = DatabaseSettings.from(settings);
        if (MasterKey.configured(settings).isEmpty()
                && !database.embedded()
                && mode.equals("serve")) {
            throw MasterKey.missing();
        }
        String format = settings.choice("FENGYUN_LOG_FORMAT", "text", "text", "json");
        if (format.equals("json")) {
            environment
                    .getPropertySources()
                    .addFirst(
                            new MapPropertySource(
                                    "fengyunLogFormat",
                                    Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
