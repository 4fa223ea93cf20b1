package dev.fengyun.platform;

/**
 * Whether this process runs on its own embedded PostgreSQL (development, evaluation) or on an
 * external one (production). Some conveniences, such as generated admin passwords and demo data,
 * are on by default only with the embedded database.
 */
public enum DatabaseMode {
    EMBEDDED,
    EXTERNAL;

    public boolean embedded() {
        return this == EMBEDDED;
    }
}
