/**
 * The small shared kernel every module may use: configuration from environment variables, the
 * problem-details error model, random public identifiers and the database bootstrap.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.fengyun.platform;
