package dev.fengyun.identity.internal;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with Argon2id. Hashes carry their algorithm id, so the parameters can be raised
 * later without invalidating existing hashes.
 */
@Component
public class Passwords {

    private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    private final PasswordEncoder encoder =
            new DelegatingPasswordEncoder(
                    ARGON2,
                    Map.of(
                            ARGON2,
                            Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                            "bcrypt",
                            new BCryptPasswordEncoder()));

    /** Hashed on first need, so checks for unknown accounts take as long as for known ones. */
    private volatile String decoyHash;

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = encoder.encode("fengyun-decoy-password");
            decoyHash = hash;
        }
        return hash;
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Verifies against the stored hash; a null hash (unknown account) costs the same and fails. */
    public boolean matches(String password, String storedHash) {
        if (storedHash == null) {
            encoder.matches(password, decoyHash());
            return false;
        }
        return encoder.matches(password, storedHash);
    }
}
