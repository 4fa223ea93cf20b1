package dev.fengyun.identity;

import java.time.Instant;

/** A freshly issued API token. {@code token} is shown this once and never stored in clear. */
public record IssuedToken(String id, String token, Instant expiresAt) {}
