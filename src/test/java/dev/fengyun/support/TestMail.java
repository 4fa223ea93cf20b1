package dev.fengyun.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One real SMTP server (GreenMail) on a free loopback port for the whole test run: the shared
 * application context sends every message there.
 */
public final class TestMail {

    private static GreenMail server;
    private static int port;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                port = probe.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            start();
        }
        return server;
    }

    public static int port() {
        server();
        return port;
    }

    /** Takes the server away (connections are refused) until {@link #start()}. */
    public static synchronized void stop() {
        server().stop();
    }

    /** Starts the server again on the same port; earlier messages are gone. */
    public static synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /**
     * The messages received for an address, waiting up to {@code wait} for {@code count} of them.
     */
    public static List<MimeMessage> to(String address, int count, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<MimeMessage> found;
        do {
            found =
                    Arrays.stream(server().getReceivedMessages())
                            .filter(m -> addressedTo(m, address))
                            .toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return found;
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null
                    && Arrays.stream(recipients)
                            .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
