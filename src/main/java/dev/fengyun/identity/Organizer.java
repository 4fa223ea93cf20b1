package dev.fengyun.identity;

import java.time.Instant;

/** An organizer: a company or team that runs events. {@code slug} is its public, URL-safe id. */
public record Organizer(long id, String slug, String name, Instant createdAt) {}
