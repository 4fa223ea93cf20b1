/**
 * On-sale protection: rate limits per client address, account and kind of request (in memory and
 * cluster-wide in PostgreSQL), sign-in throttling, a proof-of-work challenge for holds, a waiting
 * room that admits buyers at the rate the sale can take, and "verified accounts only" sales.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Protection")
package dev.fengyun.protection;
