package dev.fengyun.inventory;

import dev.fengyun.platform.Conflict;

/** More tickets than the performance allows per order or per buyer. */
public class LimitExceeded extends Conflict {

    public LimitExceeded(String detail, int limit) {
        super("LIMIT_EXCEEDED", detail);
        property("limit", limit);
    }
}
