package dev.fengyun.identity.internal;

import dev.fengyun.platform.InvalidSetting;
import dev.fengyun.platform.Settings;
import java.util.Optional;

/** {@code FENGYUN_ADMIN_EMAIL} and {@code FENGYUN_ADMIN_PASSWORD}: the first platform admin. */
record AdminSettings(Optional<String> email, Optional<String> password) {

    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    static AdminSettings from(Settings settings) {
        Optional<String> email = settings.text("FENGYUN_ADMIN_EMAIL");
        Optional<String> password = settings.text("FENGYUN_ADMIN_PASSWORD");
        if (password.isPresent() && password.get().length() < MIN_ADMIN_PASSWORD_LENGTH) {
            throw new InvalidSetting(
                    "FENGYUN_ADMIN_PASSWORD",
                    "must be at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
        }
        if (email.isPresent() && !email.get().matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidSetting(
                    "FENGYUN_ADMIN_EMAIL", "must be an e-mail address, got '" + email.get() + "'");
        }
        if (email.isPresent() && password.isEmpty()) {
            throw new InvalidSetting(
                    "FENGYUN_ADMIN_PASSWORD", "must be set when FENGYUN_ADMIN_EMAIL is set");
        }
        if (password.isPresent() && email.isEmpty()) {
            throw new InvalidSetting(
                    "FENGYUN_ADMIN_EMAIL", "must be set when FENGYUN_ADMIN_PASSWORD is set");
        }
        return new AdminSettings(email, password);
    }
}
