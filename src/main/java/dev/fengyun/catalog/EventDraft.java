package dev.fengyun.catalog;

/** What an organizer says about an event when creating or changing it. */
public record EventDraft(String title, String description, EventCategory category) {}
