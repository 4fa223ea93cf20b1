package dev.fengyun.identity.internal;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts of buyers, organizer staff and platform admins. E-mails are stored lower-case. */
@Repository
public class Accounts {

    private static final String COLUMNS =
            "id, email, display_name, password_hash, platform_admin, email_verified_at, created_at";

    private static final String INSERT =
            """
            INSERT INTO accounts (email, display_name, password_hash, platform_admin)
            VALUES (:email, :displayName, :passwordHash, :platformAdmin)
            ON CONFLICT (email) DO NOTHING
            RETURNING id, email, display_name, password_hash, platform_admin, email_verified_at, created_at
            """;

    private static final String BY_EMAIL =
            "SELECT " + COLUMNS + " FROM accounts WHERE email = :email";

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM accounts WHERE id = :id";

    private static final String ANY_ADMIN =
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE platform_admin)";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the account; empty when the e-mail is already registered. */
    public Optional<AccountRow> insert(
            String email, String displayName, String passwordHash, boolean platformAdmin) {
        return jdbc.sql(INSERT)
                .param("email", email)
                .param("displayName", displayName)
                .param("passwordHash", passwordHash)
                .param("platformAdmin", platformAdmin)
                .query(Accounts::map)
                .optional();
    }

    public Optional<AccountRow> findByEmail(String email) {
        return jdbc.sql(BY_EMAIL).param("email", email).query(Accounts::map).optional();
    }

    public Optional<AccountRow> findById(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(Accounts::map).optional();
    }

    public boolean anyPlatformAdmin() {
        return jdbc.sql(ANY_ADMIN).query(Boolean.class).single();
    }

    private static AccountRow map(ResultSet rows, int rowNum) throws SQLException {
        return new AccountRow(
                rows.getLong("id"),
                rows.getString("email"),
                rows.getString("display_name"),
                rows.getString("password_hash"),
                rows.getBoolean("platform_admin"),
                Jdbc.instant(rows, "email_verified_at"),
                Jdbc.instant(rows, "created_at"));
    }

    public record AccountRow(
            long id,
            String email,
            String displayName,
            String passwordHash,
            boolean platformAdmin,
            Instant emailVerifiedAt,
            Instant createdAt) {

        public CurrentAccount toCurrentAccount() {
            return new CurrentAccount(id, email, displayName, platformAdmin);
        }
    }
}
