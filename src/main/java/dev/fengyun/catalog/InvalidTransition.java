package dev.fengyun.catalog;

import dev.fengyun.platform.Conflict;

/** The requested status change is not allowed from the current status. */
public class InvalidTransition extends Conflict {

    public InvalidTransition(String what, Object from, String action) {
        super("INVALID_TRANSITION", "Cannot " + action + " " + what + " that is " + from + ".");
        property("status", from.toString());
    }
}
