package dev.fengyun.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fengyun.platform.DatabaseMode;
import dev.fengyun.platform.MasterKey;
import dev.fengyun.platform.Settings;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Connects the application to its PostgreSQL, starting the embedded one when none is configured.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    Settings settings(Environment environment) {
        return new Settings(environment);
    }

    @Bean
    DatabaseSettings databaseSettings(Settings settings) {
        return DatabaseSettings.from(settings);
    }

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseSettings settings) {
        return DatabaseServer.start(settings);
    }

    @Bean
    DatabaseMode databaseMode(DatabaseServer server) {
        return server.embedded() ? DatabaseMode.EMBEDDED : DatabaseMode.EXTERNAL;
    }

    @Bean
    MasterKey masterKey(Settings settings, DatabaseServer server, DatabaseSettings database) {
        return MasterKey.load(settings, server.embedded(), database.dataDir());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseServer server, DatabaseSettings settings) {
        return new HikariDataSource(hikari(server, settings.poolSize()));
    }

    /** {@code FENGYUN_DB_MIGRATE=false} leaves the schema to a separate migration job. */
    @Bean
    FlywayMigrationStrategy flywayMigrationStrategy(DatabaseSettings settings) {
        return flyway -> {
            if (settings.migrate()) {
                flyway.migrate();
            }
        };
    }

    static HikariConfig hikari(DatabaseServer server, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("fengyun");
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(4, poolSize));
        // Fail fast while the database is away, so requests get a quick 503 rather than piling up.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        config.addDataSourceProperty("ApplicationName", "fengyun");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return config;
    }
}
