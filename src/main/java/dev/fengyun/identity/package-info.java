/**
 * Who is calling and what they may do: accounts, organizers, memberships with roles, browser
 * sessions and API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.fengyun.identity;
