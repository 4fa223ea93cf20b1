package dev.fengyun.platform;

import dev.fengyun.platform.internal.DatabaseServer;
import dev.fengyun.platform.internal.DatabaseSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code FENGYUN_MODE=migrate}: bring the schema up to date and exit, without starting the web
 * application. Deployment jobs (the Helm pre-upgrade hook) run this before new pods roll out.
 */
public final class MigrationJob {

    private static final Logger log = LoggerFactory.getLogger(MigrationJob.class);

    private MigrationJob() {}

    /** Migrates the configured database; returns normally on success and throws on failure. */
    public static void run(Settings settings) {
        DatabaseSettings database = DatabaseSettings.from(settings);
        try (DatabaseServer server = DatabaseServer.start(database)) {
            MigrateResult result =
                    Flyway.configure()
                            .dataSource(server.jdbcUrl(), server.user(), server.password())
                            .locations("classpath:db/migration")
                            .load()
                            .migrate();
            log.info(
                    "Schema is at version {} ({} migration(s) applied now)",
                    result.targetSchemaVersion != null
                            ? result.targetSchemaVersion
                            : result.initialSchemaVersion,
                    result.migrationsExecuted);
        }
    }
}
