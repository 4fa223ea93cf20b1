package dev.fengyun.identity;

import java.time.Instant;

/**
 * An account asked for a code to verify its e-mail address; the messaging module sends it. The code
 * is in the clear here only: the database keeps its hash.
 */
public record EmailVerificationRequested(
        long accountId, String email, String code, String locale, Instant expiresAt) {}
