/**
 * Check-in at the gates: lists of what a gate admits, online scans that record the first entry
 * exactly once, and offline packs for scanners without a network.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Check-in")
package dev.fengyun.checkin;
