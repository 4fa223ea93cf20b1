/**
 * What is on sale: events, their performances at venues, price zones and general-admission ticket
 * types, sale windows and ticket limits, and publishing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package dev.fengyun.catalog;
