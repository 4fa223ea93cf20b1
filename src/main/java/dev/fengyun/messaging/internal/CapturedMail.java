package dev.fengyun.messaging.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The development transport: with the embedded database and no SMTP server, messages are kept in
 * memory (the newest 200) and shown at {@code /dev/mail} instead of being sent.
 */
class CapturedMail implements MailTransport {

    static final int KEPT = 200;

    private final Deque<Captured> messages = new ConcurrentLinkedDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final Session session = Session.getInstance(new Properties());

    /** One captured message: its raw MIME form, parsed again when shown. */
    record Captured(long id, Instant at, String to, String subject, byte[] raw) {

        MimeMessage parse() {
            try {
                return new MimeMessage(
                        Session.getInstance(new Properties()),
                        new java.io.ByteArrayInputStream(raw));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public boolean sends() {
        return true;
    }

    @Override
    public MimeMessage createMessage() {
        return new MimeMessage(session);
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            message.saveChanges();
            message.writeTo(raw);
        } catch (IOException e) {
            throw new MessagingException("cannot capture the message", e);
        }
        messages.addFirst(
                new Captured(
                        ids.incrementAndGet(),
                        Instant.now(),
                        String.join(
                                ", ",
                                java.util.Arrays.stream(message.getAllRecipients())
                                        .map(Object::toString)
                                        .toList()),
                        message.getSubject(),
                        raw.toByteArray()));
        while (messages.size() > KEPT) {
            messages.pollLast();
        }
    }

    List<Captured> newestFirst() {
        return new ArrayList<>(messages);
    }

    Optional<Captured> byId(long id) {
        return messages.stream().filter(m -> m.id() == id).findFirst();
    }
}
