/**
 * E-mail to buyers: a transactional outbox filled by the changes that cause a message (an order
 * paid, a refund, a cancelled performance, a ticket transfer), sent by a cluster-safe worker over
 * SMTP with retries, or captured for {@code /dev/mail} on a development machine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package dev.fengyun.messaging;
