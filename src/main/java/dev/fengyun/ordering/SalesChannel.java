package dev.fengyun.ordering;

/** Where an order was placed. */
public enum SalesChannel {
    ONLINE,
    BOX_OFFICE
}
