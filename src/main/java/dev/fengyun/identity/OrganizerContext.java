package dev.fengyun.identity;

/**
 * The organizer addressed by the {@code {org}} path of the current request, with the caller's
 * effective role on it. Handlers annotated with {@link RequiresOrganizerRole} may take it as a
 * parameter; it is only ever built after the role check passed.
 */
public record OrganizerContext(
        long organizerId, String slug, String name, CurrentAccount account, OrganizerRole role) {}
