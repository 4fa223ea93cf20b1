/**
 * Object storage for files that must not live on one instance's disk (event posters, generated
 * ticket PDFs): S3-compatible storage (AWS S3, Tencent COS, MinIO, Ceph), or a directory under
 * {@code FENGYUN_DATA_DIR} for a single instance; files are handed out as signed, expiring URLs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package dev.fengyun.storage;
