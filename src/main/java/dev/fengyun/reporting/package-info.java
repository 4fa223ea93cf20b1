/**
 * What organizers read about their sales: the dashboard's figures and the order and attendee
 * exports. Read-only queries over the other modules' tables; it changes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package dev.fengyun.reporting;
