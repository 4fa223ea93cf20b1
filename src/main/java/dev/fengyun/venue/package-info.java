/**
 * Where things happen: venues with their time zone, and seating plans (zones, rows, seats, standing
 * areas, shapes) with validation, a generator for common halls, and SVG rendering.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Venue")
package dev.fengyun.venue;
