package dev.fengyun.messaging.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, on every instance at once without sending anything twice: each round
 * claims a batch under a lease, sends, and records the outcome. A failure is retried with
 * exponential backoff (30 s, 2 min, 8 min, … at most 6 h apart) for {@value #ATTEMPTS} attempts,
 * about two days; a refused address is not retried. At most {@code FENGYUN_MAIL_PER_MINUTE}
 * messages leave one instance per minute, so a cancelled performance's thousands of messages
 * trickle out instead of tripping the mail provider's limits.
 */
@Component
class MailWorker {

    static final int ATTEMPTS = 12;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailTransport transport;
    private final MailSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private long minute;
    private int sentThisMinute;

    /** Composing (ticket PDFs) and sending run a few at a time. */
    private final ExecutorService senders =
            Executors.newFixedThreadPool(
                    4,
                    r -> {
                        Thread thread = new Thread(r, "mail-sender");
                        thread.setDaemon(true);
                        return thread;
                    });

    MailWorker(
            MailOutbox outbox,
            MailComposer composer,
            MailTransport transport,
            MailSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.outbox = outbox;
        this.composer = composer;
        this.transport = transport;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT5S")
    synchronized void deliverDue() {
        if (!transport.sends()) {
            return;
        }
        long now = clock.millis() / 60_000;
        if (now != minute) {
            minute = now;
            sentThisMinute = 0;
        }
        int budget = Math.min(20, settings.perMinute() - sentThisMinute);
        if (budget <= 0) {
            return;
        }
        List<MailOutbox.Claimed> claimed =
                transactions.execute(status -> outbox.claimDue(budget, LEASE));
        List<Future<?>> sending = new ArrayList<>();
        for (MailOutbox.Claimed message : claimed) {
            sending.add(senders.submit(() -> deliver(message)));
            sentThisMinute++;
        }
        for (Future<?> future : sending) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.warn("Sending a message failed unexpectedly", e.getCause());
            }
        }
    }

    private void deliver(MailOutbox.Claimed message) {
        try {
            transport.send(mime(composer.compose(message), message.recipient()));
            outbox.sent(message.id());
        } catch (MessagingException | RuntimeException e) {
            boolean refused = refusedAddress(e);
            Instant retryAt =
                    refused || message.attempts() >= ATTEMPTS
                            ? null
                            : clock.instant().plus(backoff(message.attempts()));
            log.warn(
                    "Message {} ({}) to {}: attempt {} failed{}: {}",
                    message.id(),
                    message.kind(),
                    message.recipient(),
                    message.attempts(),
                    retryAt == null ? ", giving up" : ", retrying at " + retryAt,
                    e.toString());
            outbox.failed(message.id(), e.toString(), retryAt);
        }
    }

    private MimeMessage mime(MailComposer.Composed composed, String recipient)
            throws MessagingException {
        MimeMessage mime = transport.createMessage();
        MimeMessageHelper helper =
                new MimeMessageHelper(
                        mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(recipient);
        helper.setSubject(composed.subject());
        helper.setText(composed.text(), composed.html());
        for (MailComposer.Attachment attachment : composed.attachments()) {
            helper.addAttachment(
                    attachment.filename(),
                    new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        return mime;
    }

    /** 30 s × 4^(attempt − 1), at most 6 hours. */
    static Duration backoff(int attempt) {
        long seconds = 30L << (2 * Math.min(attempt - 1, 10));
        return Duration.ofSeconds(Math.min(seconds, Duration.ofHours(6).toSeconds()));
    }

    private static boolean refusedAddress(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException failed
                    && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }
}
