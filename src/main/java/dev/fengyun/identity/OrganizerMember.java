package dev.fengyun.identity;

import java.time.Instant;

/** A member of an organizer's team. */
public record OrganizerMember(
        long accountId, String email, String displayName, OrganizerRole role, Instant since) {}
