package dev.fengyun.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Webhook targets must be public: loopback only with the testing switch, internal ranges never. */
class WebhookTargetCheckTests {

    private static WebhookTargetCheck check(boolean allowLoopback) {
        return new WebhookTargetCheck(
                new Settings(
                        new MockEnvironment()
                                .withProperty(
                                        "FENGYUN_WEBHOOK_ALLOW_LOOPBACK",
                                        Boolean.toString(allowLoopback))));
    }

    @Test
    void loopbackIsRefusedUnlessAllowedForTesting() {
        for (String url :
                new String[] {
                    "http://127.0.0.1:8080/hook",
                    "http://localhost/hook",
                    "http://[::1]/hook",
                    "http://127.9.9.9/"
                }) {
            assertThatThrownBy(() -> check(false).check(url))
                    .as(url)
                    .isInstanceOf(InvalidInput.class);
            assertThatCode(() -> check(true).check(url)).as(url).doesNotThrowAnyException();
        }
    }

    @Test
    void internalAddressesAreRefusedEvenWhenLoopbackIsAllowed() {
        for (String url :
                new String[] {
                    "http://10.1.2.3/",
                    "http://172.16.0.1/",
                    "http://192.168.0.10/",
                    "http://169.254.169.254/",
                    "http://0.0.0.0/",
                    "http://100.100.100.200/",
                    "http://[fd12::1]/",
                    "http://[fe80::1]/",
                    "http://224.0.0.1/"
                }) {
            assertThatThrownBy(() -> check(true).check(url))
                    .as(url)
                    .isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void publicAddressesAndOnlyHttpSchemesPass() {
        assertThatCode(() -> check(false).check("https://93.184.216.34/hooks/fengyun"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check(false).check("ftp://93.184.216.34/"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> check(false).check("https://user:pw@93.184.216.34/"))
                .isInstanceOf(InvalidInput.class);
    }
}
