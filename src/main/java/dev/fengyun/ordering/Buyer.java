package dev.fengyun.ordering;

/** Who is buying: contact details, and the account when signed in (null for guests). */
public record Buyer(String email, String name, String phone, Long accountId) {}
