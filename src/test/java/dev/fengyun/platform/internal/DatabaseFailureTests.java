package dev.fengyun.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database that went away mid-transaction surfaces in many wrappings; all of them must become a
 * 503 (retry shortly), none a 500. Seen in deploy/local/test-outage.sh: the connection broke during
 * a payment, and the rollback failed as well ("JDBC rollback failed").
 */
class DatabaseFailureTests {

    @Test
    void aFailedRollbackOnABrokenConnectionIsTheDatabaseGoneAway() {
        TransactionSystemException rollbackFailed =
                new TransactionSystemException(
                        "JDBC rollback failed",
                        new SQLException(
                                "An I/O error occurred while sending to the backend.", "08006"));
        assertThat(ProblemDetailsAdvice.lostTheDatabase(rollbackFailed)).isTrue();
    }

    @Test
    void aFailedRollbackIsJudgedByTheFailureItReplaced() {
        // HikariCP reports the rollback on the broken connection as a plain "Connection is closed"
        TransactionSystemException rollbackFailed =
                new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(ProblemDetailsAdvice.lostTheDatabase(rollbackFailed)).isFalse();
        rollbackFailed.initApplicationException(
                new DataAccessResourceFailureException(
                        "An I/O error occurred while sending to the backend."));
        assertThat(ProblemDetailsAdvice.lostTheDatabase(rollbackFailed)).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(
                        ProblemDetailsAdvice.lostTheDatabase(
                                new DataIntegrityViolationException(
                                        "duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(ProblemDetailsAdvice.lostTheDatabase(new IllegalStateException("bug")))
                .isFalse();
    }
}
