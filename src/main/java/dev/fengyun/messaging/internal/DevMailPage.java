package dev.fengyun.messaging.internal;

import dev.fengyun.platform.NotFound;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /dev/mail}: the messages a development instance (embedded database, no SMTP server) would
 * have sent, newest first, each with its HTML, text and attachments. Answers 404 anywhere else.
 */
@Controller
class DevMailPage {

    private final MailTransport transport;

    DevMailPage(MailTransport transport) {
        this.transport = transport;
    }

    @GetMapping("/dev/mail")
    String list(Model model) {
        model.addAttribute("messages", captured().newestFirst());
        return "messaging/dev-mail";
    }

    @GetMapping("/dev/mail/{id}")
    String show(@PathVariable long id, Model model) throws Exception {
        CapturedMail.Captured message = message(id);
        Parts parts = new Parts();
        parts.walk(message.parse());
        model.addAttribute("message", message);
        model.addAttribute("text", parts.text);
        model.addAttribute("attachments", parts.attachments);
        return "messaging/dev-mail-message";
    }

    /** The HTML body on its own, for the message page's sandboxed frame. */
    @GetMapping("/dev/mail/{id}/html")
    ResponseEntity<String> html(@PathVariable long id) throws Exception {
        Parts parts = new Parts();
        parts.walk(message(id).parse());
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .header(
                        "Content-Security-Policy",
                        "sandbox; default-src 'none'; style-src 'unsafe-inline'")
                .body(parts.html == null ? "" : parts.html);
    }

    @GetMapping("/dev/mail/{id}/attachments/{index}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable int index)
            throws Exception {
        Parts parts = new Parts();
        parts.walk(message(id).parse());
        if (index < 0 || index >= parts.parts.size()) {
            throw new NotFound("ATTACHMENT_NOT_FOUND", "No attachment " + index + ".");
        }
        Part part = parts.parts.get(index);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(part.getContentType().split(";")[0].trim()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(part.getFileName())
                                .build()
                                .toString())
                .body(part.getInputStream().readAllBytes());
    }

    private CapturedMail captured() {
        if (transport instanceof CapturedMail captured) {
            return captured;
        }
        throw new NotFound("NOT_FOUND", "There is no captured mail on this instance.");
    }

    private CapturedMail.Captured message(long id) {
        return captured()
                .byId(id)
                .orElseThrow(
                        () -> new NotFound("MESSAGE_NOT_FOUND", "No captured message " + id + "."));
    }

    /** The bodies and attachments of a MIME message. */
    private static final class Parts {
        String text;
        String html;
        final List<String> attachments = new ArrayList<>();
        final List<Part> parts = new ArrayList<>();

        void walk(Part part) throws Exception {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add(part.getFileName());
                parts.add(part);
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
            }
        }
    }
}
