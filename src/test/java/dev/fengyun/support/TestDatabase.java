package dev.fengyun.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One embedded PostgreSQL 17 per test JVM, shared by every Spring context and child process of the
 * run. Tests keep zonky's fast defaults (fsync off): durability is not what they check.
 */
public final class TestDatabase {

    /** The master key every test instance on this database shares (external mode requires one). */
    public static final String MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LWZvci1mZW5neXVuLXRlc3Q=";

    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres =
                        EmbeddedPostgres.builder()
                                .setServerConfig("max_connections", "400")
                                .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL", e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public static String user() {
        return "postgres";
    }
}
