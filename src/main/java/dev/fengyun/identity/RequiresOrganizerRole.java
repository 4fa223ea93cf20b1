package dev.fengyun.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler under an {@code {org}} path as needing at least the given role on that organizer
 * (platform admins have every role). Non-members get 404, members with a lesser role 403. Every
 * handler mapped under an {@code {org}} path must carry it; the request fails closed otherwise.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresOrganizerRole {
    OrganizerRole value();
}
