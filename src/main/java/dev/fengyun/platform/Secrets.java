package dev.fengyun.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random keys the whole cluster shares (e.g. for signing payment callbacks), created in the
 * database on first use so every instance gets the same one without configuration.
 */
@Component
public class Secrets {

    private static final String CREATE =
            "INSERT INTO platform_secrets (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING";
    private static final String READ = "SELECT secret FROM platform_secrets WHERE name = :name";

    private final JdbcClient jdbc;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    Secrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The 32-byte secret called {@code name}; the first caller anywhere creates it. */
    public byte[] get(String name) {
        return cache.computeIfAbsent(
                name,
                n -> {
                    jdbc.sql(CREATE)
                            .param("name", n)
                            .param("secret", RandomCodes.bytes(32))
                            .update();
                    return jdbc.sql(READ).param("name", n).query(byte[].class).single();
                });
    }
}
