package dev.fengyun.identity.internal;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.platform.DatabaseMode;
import dev.fengyun.platform.RandomCodes;
import dev.fengyun.platform.Settings;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure a platform admin exists once the schema is in place. With {@code
 * FENGYUN_ADMIN_EMAIL}/{@code FENGYUN_ADMIN_PASSWORD} that account is created (or promoted, with
 * the configured password); without them, on the embedded database, a random password is generated
 * and logged once. An advisory lock keeps instances starting together from racing.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String DEFAULT_ADMIN_EMAIL = "admin@fengyun.local";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private static final String LOCK =
            "SELECT pg_advisory_xact_lock(hashtext('fengyun.admin-bootstrap'))";
    private static final String PROMOTE =
            "UPDATE accounts SET platform_admin = true, password_hash = :hash WHERE email = :email";

    private final AdminSettings settings;
    private final DatabaseMode databaseMode;
    private final IdentityManagement identity;
    private final Passwords passwords;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AdminBootstrap(
            Settings settings,
            DatabaseMode databaseMode,
            IdentityManagement identity,
            Passwords passwords,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.settings = AdminSettings.from(settings);
        this.databaseMode = databaseMode;
        this.identity = identity;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> ensureAdmin());
    }

    private void ensureAdmin() {
        jdbc.sql(LOCK).query(Object.class).optional();
        if (identity.anyPlatformAdmin()) {
            return;
        }
        if (settings.email().isPresent()) {
            String email = settings.email().get();
            String password = settings.password().orElseThrow();
            Optional<CurrentAccount> existing = identity.accountByEmail(email);
            if (existing.isPresent()) {
                jdbc.sql(PROMOTE)
                        .param("hash", passwords.hash(password))
                        .param("email", existing.get().email())
                        .update();
                log.info("Promoted existing account {} to platform admin", existing.get().email());
            } else {
                identity.registerPlatformAdmin(email, password, "Platform admin");
                log.info("Created platform admin {}", email);
            }
            return;
        }
        if (databaseMode.embedded()) {
            String password = RandomCodes.token(15);
            identity.registerPlatformAdmin(DEFAULT_ADMIN_EMAIL, password, "Platform admin");
            log.warn(
                    "\n\n    Created platform admin {} with password {}\n"
                            + "    This is shown once. Set FENGYUN_ADMIN_EMAIL and FENGYUN_ADMIN_PASSWORD to choose your own.\n",
                    DEFAULT_ADMIN_EMAIL,
                    password);
            return;
        }
        log.warn(
                "No platform admin exists. Set FENGYUN_ADMIN_EMAIL and FENGYUN_ADMIN_PASSWORD and restart to create one.");
    }
}
