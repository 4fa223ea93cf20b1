package dev.fengyun.messaging.internal;

import dev.fengyun.catalog.PerformanceDetails;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.messaging.MailKind;
import dev.fengyun.ordering.Order;
import dev.fengyun.ordering.OrderDesk;
import dev.fengyun.ticketing.Ticket;
import dev.fengyun.ticketing.TicketDocuments;
import dev.fengyun.ticketing.TicketingManagement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a message of the outbox in the recipient's language: subject and opening from the messages
 * ({@code mail.<kind>.subject}, {@code mail.<kind>.intro}), the HTML and text bodies from {@code
 * templates/mail/message.html} and {@code .txt}, and the attachments (the tickets as PDF, a
 * calendar entry). Everything is read when the message is sent, so it shows the order as it is
 * then.
 */
@Component
class MailComposer {

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final OrderDesk orders;
    private final Storefront storefront;
    private final TicketingManagement ticketing;
    private final TicketDocuments documents;
    private final MailSettings settings;
    private final Clock clock;

    MailComposer(
            MessageSource messages,
            OrderDesk orders,
            Storefront storefront,
            TicketingManagement ticketing,
            TicketDocuments documents,
            MailSettings settings,
            Clock clock) {
        this.messages = messages;
        this.orders = orders;
        this.storefront = storefront;
        this.ticketing = ticketing;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
        this.templates = new SpringTemplateEngine();
        templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html"));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt"));
        templates.setTemplateEngineMessageSource(messages);
    }

    /** A message ready to send. */
    record Composed(String subject, String text, String html, List<Attachment> attachments) {}

    record Attachment(String filename, String contentType, byte[] content) {}

    Composed compose(MailOutbox.Claimed message) {
        Locale locale = Locale.forLanguageTag(message.locale());
        if (message.kind() == MailKind.VERIFICATION_CODE) {
            return verificationCode(message, locale);
        }
        Order order = orders.find(message.orderId()).orElseThrow();
        PerformanceDetails details = storefront.performance(order.performanceId());
        ZoneId zone = ZoneId.of(details.venue().timeZone());
        List<Ticket> tickets = attachedTickets(message, order);

        Map<String, Object> model = new HashMap<>(message.params());
        model.put("order", order);
        model.put("event", details.event());
        model.put("venue", details.venue());
        model.put(
                "when",
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(details.performance().startsAt().atZone(zone)));
        model.put("tickets", tickets);
        boolean toBuyer = message.kind() != MailKind.TICKET_TRANSFERRED;
        model.put("greetingName", toBuyer ? order.name() : message.params().get("holderName"));
        // A link that opens the order without signing in goes to the buyer only, never to the
        // person a ticket was passed on to.
        model.put(
                "link",
                toBuyer ? settings.publicUrl() + orders.buyerLink(order.code()).path() : null);
        String prefix = "mail." + message.kind().template();
        String subject =
                messages.getMessage(
                        prefix + ".subject",
                        new Object[] {details.event().title(), order.code()},
                        locale);
        model.put("subject", subject);
        model.put(
                "intro",
                messages.getMessage(prefix + ".intro", introArguments(message, order), locale));
        Context context = new Context(locale, model);
        String html = templates.process("message.html", context);
        String text = templates.process("message.txt", context);

        List<Attachment> attachments = new ArrayList<>();
        if (!tickets.isEmpty()) {
            attachments.add(
                    new Attachment(
                            "tickets-" + order.code() + ".pdf",
                            "application/pdf",
                            documents.storedPdf(order.code(), tickets).content()));
            attachments.add(
                    new Attachment(
                            "event.ics",
                            "text/calendar; charset=UTF-8; method=PUBLISH",
                            documents
                                    .ics(order.code(), tickets, clock.instant())
                                    .getBytes(StandardCharsets.UTF_8)));
        }
        return new Composed(subject, text, html, attachments);
    }

    /** The verification code on its own: no order, no attachments. */
    private Composed verificationCode(MailOutbox.Claimed message, Locale locale) {
        Object code = message.params().get("code");
        Object minutes = message.params().get("minutes");
        String subject =
                messages.getMessage("mail.verification-code.subject", new Object[] {code}, locale);
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("code", code);
        model.put(
                "intro",
                messages.getMessage(
                        "mail.verification-code.intro", new Object[] {minutes}, locale));
        Context context = new Context(locale, model);
        return new Composed(
                subject,
                templates.process("code.txt", context),
                templates.process("code.html", context),
                List.of());
    }

    private static Object[] introArguments(MailOutbox.Claimed message, Order order) {
        Map<String, Object> params = message.params();
        return switch (message.kind()) {
            case ORDER_CONFIRMATION, PAYMENT_RECEIVED -> new Object[0];
            case REFUND_ISSUED ->
                    new Object[] {
                        params.get("amount"), params.get("currency"), params.get("tickets")
                    };
            case PERFORMANCE_CANCELLED ->
                    new Object[] {params.get("amount"), params.get("currency")};
            case TICKET_TRANSFERRED -> new Object[] {order.name()};
            case VERIFICATION_CODE -> throw new IllegalArgumentException("not about an order");
        };
    }

    /** The tickets a message carries: all valid ones of a paid order, or the one transferred. */
    private List<Ticket> attachedTickets(MailOutbox.Claimed message, Order order) {
        return switch (message.kind()) {
            case ORDER_CONFIRMATION, PAYMENT_RECEIVED ->
                    ticketing.ofOrder(order.id()).stream().filter(Ticket::valid).toList();
            case TICKET_TRANSFERRED -> {
                long ticketId = ((Number) message.params().get("ticketId")).longValue();
                yield ticketing.ofOrder(order.id()).stream()
                        .filter(t -> t.id() == ticketId && t.valid())
                        .toList();
            }
            case REFUND_ISSUED, PERFORMANCE_CANCELLED, VERIFICATION_CODE -> List.of();
        };
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        return resolver;
    }
}
