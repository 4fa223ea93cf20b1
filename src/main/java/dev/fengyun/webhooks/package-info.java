/**
 * Webhooks: organizers register HTTPS endpoints that hear about their sales (orders paid, refunded,
 * cancelled, tickets checked in, performances sold out) through signed, retried deliveries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package dev.fengyun.webhooks;
