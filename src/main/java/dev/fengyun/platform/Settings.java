package dev.fengyun.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Typed, validated access to Fengyun's {@code FENGYUN_*} variables. Values are looked up by their
 * exact environment-variable name in Spring's {@link Environment}, so they come from the process
 * environment in production and from test properties of the same name in tests. Every parse error
 * becomes an {@link InvalidSetting} naming the variable.
 */
public final class Settings {

    private final Environment environment;

    public Settings(Environment environment) {
        this.environment = environment;
    }

    /** The trimmed value, or empty when unset or blank. */
    public Optional<String> text(String name) {
        String value = environment.getProperty(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    public String text(String name, String defaultValue) {
        return text(name).orElse(defaultValue);
    }

    /** Accepts true/false, on/off, yes/no, 1/0 in any case. */
    public boolean flag(String name, boolean defaultValue) {
        return text(name).map(value -> parseFlag(name, value)).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new InvalidSetting(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidSetting(name, "must be a whole number, got '" + raw.get() + "'");
        }
    }

    /**
     * A duration written as {@code 30s}, {@code 10m}, {@code 2h}, {@code 3d} or ISO-8601 ({@code
     * PT10M}).
     */
    public Duration duration(String name, Duration defaultValue) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String value = raw.get().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException
                | DateTimeParseException
                | StringIndexOutOfBoundsException e) {
            throw new InvalidSetting(
                    name, "must be a duration like 30s, 10m, 2h or 3d, got '" + raw.get() + "'");
        }
    }

    public Path path(String name, String defaultValue) {
        return Path.of(text(name, defaultValue)).toAbsolutePath().normalize();
    }

    /** One of the given lower-case choices. */
    public String choice(String name, String defaultValue, String... choices) {
        String value = text(name, defaultValue).toLowerCase(Locale.ROOT);
        for (String choice : choices) {
            if (choice.equals(value)) {
                return value;
            }
        }
        throw new InvalidSetting(
                name, "must be one of " + String.join(", ", choices) + ", got '" + value + "'");
    }

    private static boolean parseFlag(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new InvalidSetting(name, "must be true or false, got '" + value + "'");
        };
    }
}
