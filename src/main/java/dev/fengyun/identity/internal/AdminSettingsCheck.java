package dev.fengyun.identity.internal;

import dev.fengyun.platform.Settings;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/** Rejects bad admin settings before anything starts (e.g. the embedded database). */
class AdminSettingsCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        AdminSettings.from(new Settings(environment));
    }
}
