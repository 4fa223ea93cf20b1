package dev.fengyun.storage.internal;

import dev.fengyun.platform.Digests;
import dev.fengyun.storage.ObjectStore;
import dev.fengyun.storage.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Objects as files under {@code FENGYUN_DATA_DIR/objects} (a content-type file beside each),
 * written atomically. Signed URLs are {@code /objects/<key>?expires=<unix>&signature=<hex
 * HMAC-SHA256>}, checked by {@link ObjectsController}. For one instance (or instances sharing that
 * directory).
 */
class FileObjectStore implements ObjectStore {

    private final Path root;
    private final byte[] signingKey;
    private final Clock clock;

    FileObjectStore(Path root, byte[] signingKey, Clock clock) {
        this.root = root;
        this.signingKey = signingKey;
        this.clock = clock;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            write(file, content);
            write(type(file), contentType.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        Path file = file(key);
        try {
            return Optional.of(
                    new StoredObject(Files.readAllBytes(file), Files.readString(type(file))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        Path file = file(key);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(type(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key, e);
        }
    }

    @Override
    public String signedUrl(String key, Duration validFor) {
        ObjectStore.checkKey(key);
        long expires = roundUp(clock.instant().getEpochSecond() + validFor.toSeconds(), validFor);
        return "/objects/" + key + "?expires=" + expires + "&signature=" + signature(key, expires);
    }

    @Override
    public String kind() {
        return "filesystem";
    }

    /** Whether a signed URL's parts are genuine; the expiry is the caller's to check. */
    boolean verifies(String key, long expires, String signature) {
        return Digests.equal(
                signature(key, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String key, long expires) {
        return HexFormat.of()
                .formatHex(
                        Digests.hmacSha256(
                                signingKey,
                                (key + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Rounds expiry up to a tenth of the validity (at least a minute) so URLs repeat for a while.
     */
    static long roundUp(long epochSecond, Duration validFor) {
        long step = Math.max(60, validFor.toSeconds() / 10);
        return (epochSecond + step - 1) / step * step;
    }

    private Path file(String key) {
        Path file = root.resolve(ObjectStore.checkKey(key)).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("not an object key: " + key);
        }
        return file;
    }

    private static Path type(Path file) {
        return file.resolveSibling(file.getFileName() + ".content-type");
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
        Files.write(temp, content);
        try {
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
