package dev.fengyun.venue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an organizer says about a venue when creating or changing it. */
public record VenueDraft(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) String address,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 60) String timeZone) {}
