package dev.fengyun.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the application talks to, started here when it is the embedded one. Closing it
 * stops an embedded server; an external one is left alone.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedDatabase embedded;

    private DatabaseServer(
            String jdbcUrl, String user, String password, EmbeddedDatabase embedded) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static DatabaseServer start(DatabaseSettings settings) {
        if (settings.embedded()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDir());
            return new DatabaseServer(embedded.jdbcUrl(), settings.user(), "", embedded);
        }
        log.info("Using external PostgreSQL at {}", withoutQuery(settings.url().orElseThrow()));
        return new DatabaseServer(
                settings.url().orElseThrow(), settings.user(), settings.password(), null);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
