package dev.fengyun.identity;

import dev.fengyun.platform.Conflict;
import dev.fengyun.platform.Digests;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.Jdbc;
import dev.fengyun.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifying an account's e-mail address with a six-digit code sent there: valid 15 minutes, five
 * guesses, a new one at most once a minute. Only the code's hash is stored.
 */
@Service
public class EmailVerification {

    public static final Duration VALIDITY = Duration.ofMinutes(15);
    public static final Duration RESEND_AFTER = Duration.ofMinutes(1);
    public static final int GUESSES = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailVerification(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Where the code went and until when it works. */
    public record Sent(String email, Instant expiresAt) {}

    /**
     * Sends a fresh code (replacing any earlier one).
     *
     * @throws Conflict ({@code EMAIL_ALREADY_VERIFIED})
     * @throws ProblemException 429 ({@code VERIFICATION_RECENTLY_SENT}) within a minute of the last
     */
    @Transactional
    public Sent request(long accountId) {
        String email =
                jdbc.sql(
                                "SELECT email FROM accounts WHERE id = :id AND email_verified_at IS NULL FOR UPDATE")
                        .param("id", accountId)
                        .query(String.class)
                        .optional()
                        .orElseThrow(
                                () ->
                                        new Conflict(
                                                "EMAIL_ALREADY_VERIFIED",
                                                "This e-mail address is verified already."));
        Instant now = clock.instant();
        Optional<Instant> lastSent =
                jdbc.sql("SELECT sent_at FROM email_verifications WHERE account_id = :id")
                        .param("id", accountId)
                        .query((rows, n) -> Jdbc.instant(rows, "sent_at"))
                        .optional();
        if (lastSent.isPresent() && lastSent.get().plus(RESEND_AFTER).isAfter(now)) {
            throw new RecentlySent(
                    Duration.between(now, lastSent.get().plus(RESEND_AFTER)).toSeconds() + 1);
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expiresAt = now.plus(VALIDITY);
        jdbc.sql(
                        """
                        INSERT INTO email_verifications (account_id, email, code_hash, expires_at, attempts, sent_at)
                        VALUES (:id, :email, :hash, :expires, 0, :now)
                        ON CONFLICT (account_id) DO UPDATE SET email = EXCLUDED.email, code_hash = EXCLUDED.code_hash,
                            expires_at = EXCLUDED.expires_at, attempts = 0, sent_at = EXCLUDED.sent_at""")
                .param("id", accountId)
                .param("email", email)
                .param("hash", hash(accountId, code))
                .param("expires", Jdbc.timestamp(expiresAt))
                .param("now", Jdbc.timestamp(now))
                .update();
        String locale = LocaleContextHolder.getLocale().getLanguage().equals("zh") ? "zh-CN" : "en";
        events.publishEvent(
                new EmailVerificationRequested(accountId, email, code, locale, expiresAt));
        return new Sent(email, expiresAt);
    }

    /**
     * Marks the address verified when the code matches.
     *
     * @throws InvalidInput ({@code code}) for a wrong, expired, used-up or never-requested code
     */
    @Transactional(noRollbackFor = InvalidInput.class)
    public void confirm(long accountId, String code) {
        record Pending(String email, byte[] hash, Instant expiresAt, int attempts) {}
        Pending pending =
                jdbc.sql(
                                "SELECT email, code_hash, expires_at, attempts FROM email_verifications WHERE account_id = :id FOR UPDATE")
                        .param("id", accountId)
                        .query(
                                (rows, n) ->
                                        new Pending(
                                                rows.getString("email"),
                                                rows.getBytes("code_hash"),
                                                Jdbc.instant(rows, "expires_at"),
                                                rows.getInt("attempts")))
                        .optional()
                        .orElseThrow(
                                () ->
                                        new InvalidInput(
                                                "code", "NotRequested", "ask for a code first"));
        if (pending.expiresAt().isBefore(clock.instant()) || pending.attempts() >= GUESSES) {
            throw new InvalidInput(
                    "code", "Expired", "this code no longer works; ask for a new one");
        }
        if (code == null || !Digests.equal(hash(accountId, code.strip()), pending.hash())) {
            jdbc.sql(
                            "UPDATE email_verifications SET attempts = attempts + 1 WHERE account_id = :id")
                    .param("id", accountId)
                    .update();
            int left = GUESSES - pending.attempts() - 1;
            throw new InvalidInput(
                    "code",
                    "Mismatch",
                    "wrong code; " + left + (left == 1 ? " try" : " tries") + " left");
        }
        jdbc.sql("UPDATE accounts SET email_verified_at = now() WHERE id = :id AND email = :email")
                .param("id", accountId)
                .param("email", pending.email())
                .update();
        jdbc.sql("DELETE FROM email_verifications WHERE account_id = :id")
                .param("id", accountId)
                .update();
    }

    public boolean verified(long accountId) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM accounts WHERE id = :id")
                .param("id", accountId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private static byte[] hash(long accountId, String code) {
        return Digests.sha256((accountId + ":" + code).getBytes(StandardCharsets.UTF_8));
    }

    /** A code went out less than a minute ago. */
    static final class RecentlySent extends ProblemException {
        RecentlySent(long retryAfterSeconds) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "VERIFICATION_RECENTLY_SENT",
                    "A code was sent less than a minute ago. Check your inbox, or ask again shortly.");
            property("retryAfterSeconds", retryAfterSeconds);
        }
    }
}
