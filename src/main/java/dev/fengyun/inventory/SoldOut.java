package dev.fengyun.inventory;

import dev.fengyun.platform.Conflict;

/**
 * Not as many units left as asked for. {@code available} says how many could be had now (maybe 0);
 * {@code held} how many others are holding, which may come back if they do not buy.
 */
public class SoldOut extends Conflict {

    public SoldOut(long available, long held) {
        super("SOLD_OUT", message(available, held));
        property("available", available);
        property("held", held);
    }

    private static String message(long available, long held) {
        if (available > 0) {
            return "Only " + available + " left; ask for fewer.";
        }
        return held > 0
                ? "All remaining tickets are in other buyers' baskets; some may come back in a few minutes."
                : "Sold out.";
    }
}
