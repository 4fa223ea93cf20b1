/**
 * A ready-made on-sale for evaluation: a demo organizer with a theatre and an arena and events on
 * sale from the first start (embedded database, or {@code FENGYUN_DEMO_DATA=true}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package dev.fengyun.demo;
