package dev.fengyun.checkin;

import java.time.Instant;

/** A ticket that entered on a list, as an offline scanner needs it. */
public record CheckedInTicket(String ticketCode, boolean inside, Instant firstCheckedInAt) {}
