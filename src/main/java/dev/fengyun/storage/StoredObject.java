package dev.fengyun.storage;

/** An object's bytes and content type. */
public record StoredObject(byte[] content, String contentType) {}
