package dev.fengyun.inventory;

import dev.fengyun.platform.Conflict;

/** The hold ran out (or was used or released) before it could be ordered. */
public class HoldExpired extends Conflict {

    public HoldExpired(String detail) {
        super("HOLD_EXPIRED", detail);
    }
}
