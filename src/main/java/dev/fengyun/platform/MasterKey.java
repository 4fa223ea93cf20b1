package dev.fengyun.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts secrets at rest (e.g. ticket signing keys): 32 bytes from {@code
 * FENGYUN_MASTER_KEY} in Base64, or, with the embedded database, from {@code master.key} in the
 * data directory, created on first start. Sealed values are AES-256-GCM: a 12-byte nonce, then the
 * ciphertext and tag; the {@code context} is authenticated, so a value sealed for one purpose
 * cannot be opened for another.
 */
public final class MasterKey {

    public static final String VARIABLE = "FENGYUN_MASTER_KEY";
    static final String FILE_NAME = "master.key";
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;

    private MasterKey(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The configured key; when unset, the data directory's key file if {@code embedded}, else an
     * {@link InvalidSetting}.
     */
    public static MasterKey load(Settings settings, boolean embedded, Path dataDir) {
        Optional<byte[]> configured = configured(settings);
        if (configured.isPresent()) {
            return new MasterKey(configured.get());
        }
        if (!embedded) {
            throw missing();
        }
        return new MasterKey(fromFile(dataDir.resolve(FILE_NAME)));
    }

    /** The error when an external database is configured without a master key. */
    public static InvalidSetting missing() {
        return new InvalidSetting(
                VARIABLE,
                "must be set with an external database (32 random bytes in Base64, e.g. `openssl rand -base64 32`)");
    }

    /** Validates the variable if set; the key itself, or empty. */
    public static Optional<byte[]> configured(Settings settings) {
        return settings.text(VARIABLE).map(MasterKey::decode);
    }

    private static byte[] decode(String value) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(VARIABLE, "must be Base64 (e.g. `openssl rand -base64 32`)");
        }
        if (key.length != 32) {
            throw new InvalidSetting(
                    VARIABLE, "must be 32 bytes in Base64, got " + key.length + " bytes");
        }
        return key;
    }

    private static byte[] fromFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                // Written beside and moved into place, so a crash never leaves half a key.
                Path fresh =
                        Files.createTempFile(
                                file.getParent(),
                                FILE_NAME,
                                ".new",
                                PosixFilePermissions.asFileAttribute(
                                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(
                        fresh, Base64.getEncoder().encodeToString(RandomCodes.bytes(32)) + "\n");
                try {
                    Files.move(fresh, file);
                } catch (FileAlreadyExistsException e) {
                    Files.delete(fresh);
                }
            }
            String value = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                return decode(value);
            } catch (InvalidSetting e) {
                throw new InvalidSetting(VARIABLE, "file " + file + " is not a valid master key");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    public byte[] seal(byte[] plaintext, String context) {
        byte[] nonce = RandomCodes.bytes(NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; fails with a message naming the master key when it does not open. */
    public byte[] open(byte[] sealed, String context) {
        try {
            Cipher cipher =
                    cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), context);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    VARIABLE
                            + " does not open a stored secret ("
                            + context
                            + "): the key differs from the one it was sealed with");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
