package dev.fengyun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The master key: where it comes from, what it seals, and the errors that name it. */
class MasterKeyTests {

    @TempDir Path dataDir;

    private final MockEnvironment environment = new MockEnvironment();
    private final Settings settings = new Settings(environment);

    @Test
    void theEmbeddedModeCreatesAPrivateKeyFileOnceAndKeepsUsingIt() throws Exception {
        MasterKey first = MasterKey.load(settings, true, dataDir);
        Path file = dataDir.resolve("master.key");
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] sealed = first.seal("secret".getBytes(StandardCharsets.UTF_8), "ctx");

        MasterKey again = MasterKey.load(settings, true, dataDir);
        assertThat(new String(again.open(sealed, "ctx"), StandardCharsets.UTF_8))
                .isEqualTo("secret");
        assertThat(Files.list(dataDir)).containsExactly(file);
    }

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndContext() {
        environment.setProperty(
                "FENGYUN_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        MasterKey key = MasterKey.load(settings, false, dataDir);
        byte[] sealed = key.seal(new byte[] {1, 2, 3}, "ticket-signing-key:1");
        assertThat(key.open(sealed, "ticket-signing-key:1")).containsExactly(1, 2, 3);
        assertThat(key.seal(new byte[] {1, 2, 3}, "ticket-signing-key:1"))
                .as("a fresh nonce every time")
                .isNotEqualTo(sealed);
        assertThatThrownBy(() -> key.open(sealed, "ticket-signing-key:2"))
                .hasMessageContaining("FENGYUN_MASTER_KEY does not open a stored secret");

        byte[] other = new byte[32];
        other[0] = 1;
        environment.setProperty("FENGYUN_MASTER_KEY", Base64.getEncoder().encodeToString(other));
        MasterKey wrong = MasterKey.load(settings, false, dataDir);
        assertThatThrownBy(() -> wrong.open(sealed, "ticket-signing-key:1"))
                .hasMessageContaining("the key differs from the one it was sealed with");
    }

    @Test
    void badOrMissingKeysAreRejectedNamingTheVariable() {
        assertThatThrownBy(() -> MasterKey.load(settings, false, dataDir))
                .isInstanceOf(InvalidSetting.class)
                .hasMessageStartingWith("FENGYUN_MASTER_KEY must be set with an external database");
        environment.setProperty("FENGYUN_MASTER_KEY", "not base64!");
        assertThatThrownBy(() -> MasterKey.load(settings, true, dataDir))
                .hasMessage("FENGYUN_MASTER_KEY must be Base64 (e.g. `openssl rand -base64 32`)");
        environment.setProperty(
                "FENGYUN_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> MasterKey.load(settings, true, dataDir))
                .hasMessage("FENGYUN_MASTER_KEY must be 32 bytes in Base64, got 16 bytes");
    }
}
