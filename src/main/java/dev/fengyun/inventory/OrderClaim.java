package dev.fengyun.inventory;

import java.util.List;

/** The units of a hold, now belonging to an order until its payment is due. */
public record OrderClaim(long holdId, long performanceId, List<HeldUnit> units) {}
