package dev.fengyun.ticketing;

/** A ticket was handed to a new holder: the old one is revoked, {@code ticketId} replaces it. */
public record TicketTransferred(
        long ticketId, long orderId, long organizerId, String holderName, String holderEmail) {}
