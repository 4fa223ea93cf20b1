package dev.fengyun.checkin;

import java.time.Instant;

/** A ticket's first entry through a check-in list (re-entries and exits are not reported). */
public record TicketCheckedIn(
        long organizerId, long performanceId, String ticketCode, long listId, Instant at) {}
