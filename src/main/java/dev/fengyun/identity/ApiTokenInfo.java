package dev.fengyun.identity;

import java.time.Instant;

/** What an account may see about one of its API tokens; never the token itself. */
public record ApiTokenInfo(
        String id,
        String name,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
