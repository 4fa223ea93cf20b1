package dev.fengyun.identity;

/**
 * A member's role within one organizer, from least to most powerful. Each role includes the
 * permissions of the roles before it: a MANAGER may also sell at the box office and scan.
 */
public enum OrganizerRole {
    /** Scans tickets at the gate. */
    SCANNER,
    /** Sells and looks up orders at the box office. */
    BOX_OFFICE,
    /** Runs venues, events and sales. */
    MANAGER,
    /** Everything, including the team and its roles. */
    OWNER;

    public boolean includes(OrganizerRole required) {
        return compareTo(required) >= 0;
    }

    /** {@link #includes} by name, for templates: {@code ${org.role.atLeast('MANAGER')}}. */
    public boolean atLeast(String required) {
        return includes(valueOf(required));
    }
}
