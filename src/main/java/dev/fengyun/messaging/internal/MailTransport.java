package dev.fengyun.messaging.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Where composed messages go: an SMTP server, the development capture, or nowhere yet. */
interface MailTransport {

    /** False when nothing is configured to send with: messages wait in the outbox. */
    boolean sends();

    MimeMessage createMessage();

    void send(MimeMessage message) throws MessagingException;

    /** SMTP through Spring's JavaMail sender. */
    static MailTransport smtp(MailSettings settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.smtpHost().orElseThrow());
        sender.setPort(settings.smtpPort());
        settings.smtpUser().ifPresent(sender::setUsername);
        settings.smtpPassword().ifPresent(sender::setPassword);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        boolean ssl = settings.tls().equals("ssl");
        properties.put("mail.transport.protocol", ssl ? "smtps" : "smtp");
        sender.setProtocol(ssl ? "smtps" : "smtp");
        properties.put("mail.smtp.auth", Boolean.toString(settings.smtpUser().isPresent()));
        properties.put(
                "mail.smtp.starttls.enable", Boolean.toString(settings.tls().equals("starttls")));
        properties.put(
                "mail.smtp.starttls.required", Boolean.toString(settings.tls().equals("starttls")));
        for (String protocol : new String[] {"smtp", "smtps"}) {
            properties.put("mail." + protocol + ".connectiontimeout", "10000");
            properties.put("mail." + protocol + ".timeout", "30000");
            properties.put("mail." + protocol + ".writetimeout", "30000");
        }
        return new MailTransport() {
            @Override
            public boolean sends() {
                return true;
            }

            @Override
            public MimeMessage createMessage() {
                return sender.createMimeMessage();
            }

            @Override
            public void send(MimeMessage message) throws MessagingException {
                try {
                    sender.send(message);
                } catch (MailSendException e) {
                    Exception cause = e.getFailedMessages().values().stream().findFirst().orElse(e);
                    throw new MessagingException(cause.getMessage(), cause);
                } catch (MailException e) {
                    throw new MessagingException(e.getMessage(), e);
                }
            }
        };
    }

    /** No SMTP server on a production database: messages stay in the outbox until one is set. */
    static MailTransport none() {
        return new MailTransport() {
            @Override
            public boolean sends() {
                return false;
            }

            @Override
            public MimeMessage createMessage() {
                return new MimeMessage(Session.getInstance(new Properties()));
            }

            @Override
            public void send(MimeMessage message) {
                throw new IllegalStateException("no SMTP server configured");
            }
        };
    }
}
