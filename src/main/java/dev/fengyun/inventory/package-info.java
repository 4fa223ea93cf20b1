/**
 * The sellable units of each performance — one row per seat and per general-admission place — and
 * the concurrency core that holds and sells them without ever selling one twice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory")
package dev.fengyun.inventory;
