package dev.fengyun.protection.internal;

import dev.fengyun.platform.Forbidden;
import java.time.Instant;

/**
 * A checked proof (admission token, challenge solution) not yet spent. The guard checks every proof
 * a hold needs first and spends them only then, so a hold refused for one missing proof does not
 * burn the others.
 */
public record SingleUse(byte[] id, Instant expiresAt, String code, String reusedDetail) {

    /** Records the proof as used; refuses when someone used it first. */
    public void spend(ProtectionStore store) {
        if (!store.spend(id, expiresAt)) {
            throw new Forbidden(code, reusedDetail);
        }
    }
}
