package dev.fengyun.checkin;

import java.time.Instant;

/**
 * One scan: the QR text (or a ticket's 16-character code typed in), where and when. {@code
 * scannedAt} is the device's time for scans made offline and uploaded later; {@code nonce} makes
 * the scan idempotent.
 */
public record ScanRequest(
        String code,
        Long performanceId,
        Long listId,
        Direction direction,
        String deviceId,
        Instant scannedAt,
        String nonce) {}
