package dev.fengyun.platform.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored first responses of requests sent with an Idempotency-Key. */
@Repository
class IdempotencyKeys {

    /** Claiming a key is one atomic insert: of two concurrent first requests only one wins. */
    private static final String CLAIM =
            """
            INSERT INTO idempotency_keys (scope, key, request_hash) VALUES (:scope, :key, :hash)
            ON CONFLICT (scope, key) DO NOTHING
            """;

    private static final String FIND =
            """
            SELECT request_hash, status, content_type, headers::text AS headers, body
            FROM idempotency_keys WHERE scope = :scope AND key = :key
            """;

    private static final String COMPLETE =
            """
            UPDATE idempotency_keys SET status = :status, content_type = :contentType,
                   headers = CAST(:headers AS jsonb), body = :body
            WHERE scope = :scope AND key = :key
            """;

    private static final String FORGET =
            "DELETE FROM idempotency_keys WHERE scope = :scope AND key = :key";

    private static final String EXPIRE =
            "DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'";

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean claim(String scope, String key, byte[] requestHash) {
        return jdbc.sql(CLAIM)
                        .param("scope", scope)
                        .param("key", key)
                        .param("hash", requestHash)
                        .update()
                == 1;
    }

    Optional<Stored> find(String scope, String key) {
        return jdbc.sql(FIND)
                .param("scope", scope)
                .param("key", key)
                .query(
                        (rows, n) -> {
                            int status = rows.getInt("status");
                            return new Stored(
                                    rows.getBytes("request_hash"),
                                    rows.wasNull() ? null : status,
                                    rows.getString("content_type"),
                                    rows.getString("headers"),
                                    rows.getBytes("body"));
                        })
                .optional();
    }

    void complete(
            String scope, String key, int status, String contentType, String headers, byte[] body) {
        jdbc.sql(COMPLETE)
                .param("scope", scope)
                .param("key", key)
                .param("status", status)
                .param("contentType", contentType)
                .param("headers", headers)
                .param("body", body)
                .update();
    }

    void forget(String scope, String key) {
        jdbc.sql(FORGET).param("scope", scope).param("key", key).update();
    }

    int expireOld() {
        return jdbc.sql(EXPIRE).update();
    }

    /** A stored response; {@code status} is null while the first request is still running. */
    record Stored(
            byte[] requestHash, Integer status, String contentType, String headers, byte[] body) {}
}
