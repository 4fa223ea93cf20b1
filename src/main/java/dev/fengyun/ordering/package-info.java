/**
 * Orders: checkout from a hold, payment confirmation into tickets, expiry of unpaid orders,
 * cancellations and refunds, box-office sales, per-buyer limits and the order audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ordering")
package dev.fengyun.ordering;
