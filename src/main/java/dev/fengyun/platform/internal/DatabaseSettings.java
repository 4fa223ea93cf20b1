package dev.fengyun.platform.internal;

import dev.fengyun.platform.InvalidSetting;
import dev.fengyun.platform.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is: an external PostgreSQL ({@code FENGYUN_DB_URL}) or, when that is unset,
 * the embedded one kept under {@code FENGYUN_DATA_DIR}.
 */
public record DatabaseSettings(
        Optional<String> url,
        String user,
        String password,
        boolean migrate,
        Path dataDir,
        int poolSize) {

    public static DatabaseSettings from(Settings settings) {
        Path dataDir = settings.path("FENGYUN_DATA_DIR", "./data");
        boolean migrate = settings.flag("FENGYUN_DB_MIGRATE", true);
        int poolSize = settings.integer("FENGYUN_DB_POOL_SIZE", 20, 2, 500);
        Optional<String> rawUrl = settings.text("FENGYUN_DB_URL");
        if (rawUrl.isEmpty()) {
            return new DatabaseSettings(
                    Optional.empty(), "postgres", "", migrate, dataDir, poolSize);
        }
        String user = settings.text("FENGYUN_DB_USER").orElse(null);
        String password = settings.text("FENGYUN_DB_PASSWORD").orElse(null);
        String url = rawUrl.get();
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            ParsedUrl parsed = parseUri(url);
            url = parsed.jdbcUrl();
            user = user != null ? user : parsed.user();
            password = password != null ? password : parsed.password();
        } else if (!url.startsWith("jdbc:postgresql://")) {
            throw new InvalidSetting(
                    "FENGYUN_DB_URL",
                    "must be a PostgreSQL URL like jdbc:postgresql://host:5432/fengyun or postgres://user:pass@host/fengyun");
        }
        if (user == null) {
            throw new InvalidSetting("FENGYUN_DB_USER", "must be set when FENGYUN_DB_URL is set");
        }
        return new DatabaseSettings(
                Optional.of(url),
                user,
                password == null ? "" : password,
                migrate,
                dataDir,
                poolSize);
    }

    boolean embedded() {
        return url.isEmpty();
    }

    private static ParsedUrl parseUri(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new URISyntaxException(url, "no host");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password =
                        parts.length > 1
                                ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8)
                                : null;
            }
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
            String path =
                    uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String jdbc = "jdbc:postgresql://" + uri.getHost() + port + path + query;
            return new ParsedUrl(jdbc, user, password);
        } catch (URISyntaxException e) {
            throw new InvalidSetting("FENGYUN_DB_URL", "is not a valid URL: " + e.getReason());
        }
    }

    private record ParsedUrl(String jdbcUrl, String user, String password) {}
}
