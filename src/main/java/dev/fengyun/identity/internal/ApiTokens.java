package dev.fengyun.identity.internal;

import dev.fengyun.identity.ApiTokenInfo;
import dev.fengyun.platform.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens, stored as SHA-256 hashes only. */
@Repository
public class ApiTokens {

    private static final String INSERT =
            """
            INSERT INTO api_tokens (public_id, account_id, token_hash, name, expires_at)
            VALUES (:publicId, :accountId, :hash, :name, :expiresAt)
            """;

    /** A token authenticates only while it is neither revoked nor expired. */
    private static final String ACCOUNT_OF_LIVE_TOKEN =
            """
            SELECT t.id AS token_id, a.id, a.email, a.display_name, a.password_hash, a.platform_admin,
                   a.email_verified_at, a.created_at
            FROM api_tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > now()
            """;

    /** Records use at most once a minute, so a busy client does not write on every request. */
    private static final String TOUCH =
            """
            UPDATE api_tokens SET last_used_at = now()
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
            """;

    private static final String OF_ACCOUNT =
            """
            SELECT public_id, name, created_at, expires_at, last_used_at, revoked_at
            FROM api_tokens WHERE account_id = :accountId ORDER BY created_at DESC, id DESC
            """;

    private static final String REVOKE =
            """
            UPDATE api_tokens SET revoked_at = now()
            WHERE public_id = :publicId AND account_id = :accountId AND revoked_at IS NULL
            """;

    private static final String EXISTS =
            "SELECT EXISTS (SELECT 1 FROM api_tokens WHERE public_id = :publicId AND account_id = :accountId)";

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            String publicId, long accountId, byte[] hash, String name, Instant expiresAt) {
        jdbc.sql(INSERT)
                .param("publicId", publicId)
                .param("accountId", accountId)
                .param("hash", hash)
                .param("name", name)
                .param("expiresAt", Jdbc.timestamp(expiresAt))
                .update();
    }

    public Optional<TokenOwner> ownerOfLiveToken(byte[] hash) {
        return jdbc.sql(ACCOUNT_OF_LIVE_TOKEN)
                .param("hash", hash)
                .query(
                        (rows, n) ->
                                new TokenOwner(
                                        rows.getLong("token_id"),
                                        new Accounts.AccountRow(
                                                rows.getLong("id"),
                                                rows.getString("email"),
                                                rows.getString("display_name"),
                                                rows.getString("password_hash"),
                                                rows.getBoolean("platform_admin"),
                                                Jdbc.instant(rows, "email_verified_at"),
                                                Jdbc.instant(rows, "created_at"))))
                .optional();
    }

    public void touch(long tokenId) {
        jdbc.sql(TOUCH).param("id", tokenId).update();
    }

    public List<ApiTokenInfo> ofAccount(long accountId) {
        return jdbc.sql(OF_ACCOUNT)
                .param("accountId", accountId)
                .query(
                        (rows, n) ->
                                new ApiTokenInfo(
                                        rows.getString("public_id"),
                                        rows.getString("name"),
                                        Jdbc.instant(rows, "created_at"),
                                        Jdbc.instant(rows, "expires_at"),
                                        Jdbc.instant(rows, "last_used_at"),
                                        Jdbc.instant(rows, "revoked_at")))
                .list();
    }

    /** Revokes; false when the token is unknown to this account or already revoked. */
    public boolean revoke(long accountId, String publicId) {
        return jdbc.sql(REVOKE).param("publicId", publicId).param("accountId", accountId).update()
                == 1;
    }

    public boolean exists(long accountId, String publicId) {
        return jdbc.sql(EXISTS)
                .param("publicId", publicId)
                .param("accountId", accountId)
                .query(Boolean.class)
                .single();
    }

    public record TokenOwner(long tokenId, Accounts.AccountRow account) {}
}
