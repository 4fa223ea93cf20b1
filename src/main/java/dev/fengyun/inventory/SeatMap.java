package dev.fengyun.inventory;

/**
 * The seat statuses of a performance as JSON ({@code {"seats":[…]}}), ready to send, with an ETag
 * that changes whenever any seat's status does.
 */
public record SeatMap(byte[] json, String etag) {}
