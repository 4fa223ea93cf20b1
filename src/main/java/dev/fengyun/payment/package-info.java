/**
 * Money in: a provider SPI (initiate, verify callback, refund), the built-in providers free,
 * offline and demo, and an append-only ledger of what happened to each payment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
package dev.fengyun.payment;
