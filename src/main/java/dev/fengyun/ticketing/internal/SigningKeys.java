package dev.fengyun.ticketing.internal;

import dev.fengyun.platform.Jdbc;
import dev.fengyun.platform.MasterKey;
import dev.fengyun.platform.RandomCodes;
import dev.fengyun.ticketing.TicketKey;
import dev.fengyun.ticketing.TicketKeyStatus;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Organizers' Ed25519 key pairs (the JDK's own EdDSA). Private keys are stored as PKCS#8 sealed
 * with the master key and opened only to sign; parsed keys are kept in memory by key id, since a
 * key id never changes its bytes.
 */
@Component
public class SigningKeys {

    /** X.509 SubjectPublicKeyInfo prefix of an Ed25519 key: the raw 32 bytes follow it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final String COLUMNS =
            "id, organizer_id, public_key, status, created_at, retired_at";
    private static final String SEALED_CONTEXT = "ticket-signing-key:";

    private final JdbcClient jdbc;
    private final MasterKey masterKey;
    private final Map<Long, PrivateKey> privateKeys = new ConcurrentHashMap<>();
    private final Map<Long, PublicKey> publicKeys = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** The organizer's signing key, created on first use. */
    public TicketKey signing(long organizerId) {
        return current(organizerId).orElseGet(() -> create(organizerId));
    }

    /**
     * A fresh signing key; the previous one keeps verifying. Callers hold the organizer's
     * transaction, so two rotations at once end with one signing key (the unique index decides).
     */
    public TicketKey rotate(long organizerId) {
        jdbc.sql(
                        "UPDATE ticket_signing_keys SET status = 'VERIFYING' WHERE organizer_id = :org AND status = 'SIGNING'")
                .param("org", organizerId)
                .update();
        return create(organizerId);
    }

    /** Retires a key that no longer signs; false when it is the signing key or not found. */
    public boolean retire(long organizerId, long keyId) {
        return jdbc.sql(
                                """
                                UPDATE ticket_signing_keys SET status = 'RETIRED', retired_at = now()
                                WHERE organizer_id = :org AND id = :id AND status = 'VERIFYING'
                                """)
                        .param("org", organizerId)
                        .param("id", keyId)
                        .update()
                == 1;
    }

    public List<TicketKey> of(long organizerId) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM ticket_signing_keys WHERE organizer_id = :org ORDER BY created_at DESC, id")
                .param("org", organizerId)
                .query(SigningKeys::map)
                .list();
    }

    public Optional<TicketKey> find(long keyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket_signing_keys WHERE id = :id")
                .param("id", keyId)
                .query(SigningKeys::map)
                .optional();
    }

    public byte[] sign(TicketKey key, byte[] message) {
        PrivateKey privateKey = privateKeys.computeIfAbsent(key.id(), this::openPrivateKey);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public boolean verify(TicketKey key, byte[] message, byte[] signatureBytes) {
        PublicKey publicKey =
                publicKeys.computeIfAbsent(key.id(), id -> publicKey(key.publicKey()));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification failed", e);
        }
    }

    private Optional<TicketKey> current(long organizerId) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM ticket_signing_keys WHERE organizer_id = :org AND status = 'SIGNING'")
                .param("org", organizerId)
                .query(SigningKeys::map)
                .optional();
    }

    private TicketKey create(long organizerId) {
        KeyPair pair = generate();
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
        // A key id collision (1 in 2^32) or a signing key created meanwhile by another request
        // both insert nothing; the loop tells them apart.
        while (true) {
            long id = Integer.toUnsignedLong(ByteBuffer.wrap(RandomCodes.bytes(4)).getInt());
            int inserted =
                    id == 0
                            ? 0
                            : jdbc.sql(
                                            """
                                            INSERT INTO ticket_signing_keys (id, organizer_id, public_key, private_key, status)
                                            VALUES (:id, :org, :publicKey, :privateKey, 'SIGNING')
                                            ON CONFLICT DO NOTHING
                                            """)
                                    .param("id", id)
                                    .param("org", organizerId)
                                    .param("publicKey", raw)
                                    .param(
                                            "privateKey",
                                            masterKey.seal(
                                                    pair.getPrivate().getEncoded(),
                                                    SEALED_CONTEXT + id))
                                    .update();
            Optional<TicketKey> created = inserted == 1 ? find(id) : current(organizerId);
            if (created.isPresent()) {
                return created.get();
            }
        }
    }

    private PrivateKey openPrivateKey(long keyId) {
        byte[] sealed =
                jdbc.sql("SELECT private_key FROM ticket_signing_keys WHERE id = :id")
                        .param("id", keyId)
                        .query(byte[].class)
                        .single();
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(
                                    masterKey.open(sealed, SEALED_CONTEXT + keyId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored ticket key " + keyId + " is unreadable", e);
        }
    }

    private static PublicKey publicKey(byte[] raw) {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored ticket public key is unreadable", e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }

    private static TicketKey map(ResultSet rows, int n) throws SQLException {
        return new TicketKey(
                rows.getLong("id"),
                rows.getLong("organizer_id"),
                rows.getBytes("public_key"),
                TicketKeyStatus.valueOf(rows.getString("status")),
                Jdbc.instant(rows, "created_at"),
                Jdbc.instant(rows, "retired_at"));
    }
}
