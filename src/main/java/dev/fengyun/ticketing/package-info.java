/**
 * E-tickets: issued when an order is paid, one per seat or place, revoked when refunded or
 * transferred.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ticketing")
package dev.fengyun.ticketing;
