package dev.fengyun.messaging.internal;

import dev.fengyun.platform.InvalidSetting;
import dev.fengyun.platform.Settings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * How e-mail leaves: the SMTP server and its credentials, the sender, the public address links in
 * messages point to, and how many messages one instance sends per minute.
 */
record MailSettings(
        Optional<String> smtpHost,
        int smtpPort,
        Optional<String> smtpUser,
        Optional<String> smtpPassword,
        String tls,
        InternetAddress from,
        String publicUrl,
        int perMinute) {

    static MailSettings from(Settings settings) {
        String tls = settings.choice("FENGYUN_SMTP_TLS", "starttls", "starttls", "ssl", "off");
        int defaultPort = tls.equals("ssl") ? 465 : tls.equals("starttls") ? 587 : 25;
        String from = settings.text("FENGYUN_MAIL_FROM", "Fengyun <no-reply@fengyun.local>");
        InternetAddress sender;
        try {
            sender = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new InvalidSetting(
                    "FENGYUN_MAIL_FROM",
                    "must be an e-mail address like 'Tickets <tickets@example.com>', got '"
                            + from
                            + "'");
        }
        String publicUrl = settings.text("FENGYUN_PUBLIC_URL", "http://localhost:8080");
        URI uri = URI.create(publicUrl.replaceAll("/+$", ""));
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new InvalidSetting(
                    "FENGYUN_PUBLIC_URL",
                    "must be an http(s) address like https://tickets.example.com, got '"
                            + publicUrl
                            + "'");
        }
        return new MailSettings(
                settings.text("FENGYUN_SMTP_HOST"),
                settings.integer("FENGYUN_SMTP_PORT", defaultPort, 1, 65_535),
                settings.text("FENGYUN_SMTP_USER"),
                settings.text("FENGYUN_SMTP_PASSWORD"),
                tls,
                sender,
                uri.toString(),
                settings.integer("FENGYUN_MAIL_PER_MINUTE", 600, 1, 100_000));
    }
}
