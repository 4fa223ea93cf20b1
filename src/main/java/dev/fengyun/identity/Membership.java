package dev.fengyun.identity;

/** An organizer together with the caller's role on it. */
public record Membership(Organizer organizer, OrganizerRole role) {}
