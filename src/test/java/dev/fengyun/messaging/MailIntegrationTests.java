package dev.fengyun.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fengyun.ordering.OrderPaid;
import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import dev.fengyun.support.TestMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * E-mail to buyers through a real SMTP server (GreenMail, in-process): what arrives for a paid
 * order, a refund, a transfer and a cancelled performance, in the buyer's language; that nothing is
 * written for a change that rolls back; and that a failed delivery is retried and shown to the
 * organizer.
 */
class MailIntegrationTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    private Fixtures.Org org;
    private Fixtures.Performance show;

    @BeforeEach
    void performance() {
        // Other tests of this run leave hundreds of confirmations waiting (the purchase races buy
        // in
        // bulk); they would hold up this test's messages, which are what it waits for.
        jdbc.sql(
                        "UPDATE mail_outbox SET status = 'FAILED', last_error = 'left by another test' WHERE status = 'PENDING'")
                .update();
        org = fixtures.organizer();
        long venue = fixtures.venueWithHall(org, 1, 5, 10, 0);
        show = fixtures.publishedPerformance(org, venue, 50, Map.of());
    }

    @Test
    void aPaidOrdersConfirmationArrivesWithItsTicketsAsPdfAndACalendarEntry() throws Exception {
        String email = "paid-" + System.nanoTime() + "@example.com";
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(), Map.of("seatIds", List.of("block-1-1-1", "block-1-1-2")), email);
        JsonNode order = fixtures.payAndFetch(placed).json();
        String code = order.get("code").asString();

        MimeMessage message = only(email);
        assertThat(message.getSubject()).contains(code).startsWith("Your tickets for Show ");
        assertThat(message.getFrom()[0].toString())
                .isEqualTo("Fengyun Tickets <tickets@test.fengyun.dev>");
        Parts parts = Parts.of(message);
        assertThat(parts.text)
                .contains(code, order.get("tickets").get(0).get("id").asString(), "Guest Buyer");
        assertThat(parts.html)
                .contains(code, "https://tickets.test.fengyun.dev/orders/" + code + "?pass=");
        assertThat(parts.attachments).containsOnlyKeys("tickets-" + code + ".pdf", "event.ics");
        assertThat(
                        new String(
                                parts.attachments.get("tickets-" + code + ".pdf"),
                                StandardCharsets.ISO_8859_1))
                .startsWith("%PDF");
        assertThat(new String(parts.attachments.get("event.ics"), StandardCharsets.UTF_8))
                .contains("BEGIN:VCALENDAR", code);
        // The same copy the buyer downloads: rendered once, kept in the object store.
        assertThat(
                        api.as(placed.json().get("accessToken").asString())
                                .get("/api/v1/orders/" + code + "/tickets.pdf")
                                .bytes())
                .isEqualTo(parts.attachments.get("tickets-" + code + ".pdf"));

        // The link opens the order without signing in.
        Matcher link =
                Pattern.compile(
                                "https://tickets\\.test\\.fengyun\\.dev(/orders/"
                                        + code
                                        + "\\?pass=[A-Za-z0-9_.-]+)")
                        .matcher(parts.text);
        assertThat(link.find()).as(parts.text).isTrue();
        Api.Response page = api.get(link.group(1));
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/orders/" + code);
        assertThat(page.header("Set-Cookie")).startsWith("fy_pass_" + code + "=");

        // The organizer sees that it went out.
        JsonNode delivered =
                api.as(org.owner().token())
                        .get("/api/v1/organizers/" + org.slug() + "/orders/" + code + "/messages")
                        .json();
        assertThat(delivered.get("items").findValuesAsString("kind"))
                .containsExactly("ORDER_CONFIRMATION");
        assertThat(delivered.get("items").get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(delivered.get("items").get(0).get("recipient").asString()).isEqualTo(email);
    }

    @Test
    void aBuyerWhoOrderedInChineseGetsChineseMail() throws Exception {
        String email = "zh-" + System.nanoTime() + "@example.com";
        Api chinese = api.header("Accept-Language", "zh-CN,zh;q=0.9");
        String hold =
                fixtures.hold(show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 1))
                        .json()
                        .get("id")
                        .asString();
        Api.Response placed =
                chinese.post("/api/v1/orders", Fixtures.orderBody(hold, email, "李雷", "demo"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        fixtures.payAndFetch(placed);

        MimeMessage message = only(email);
        assertThat(message.getSubject()).startsWith("您的门票：");
        Parts parts = Parts.of(message);
        assertThat(parts.text).contains("李雷，您好", "感谢您的订购");
        assertThat(parts.html).contains("在线查看您的门票");
    }

    @Test
    void aRefundAndATransferAreToldToTheRightPeople() throws Exception {
        String email = "refund-" + System.nanoTime() + "@example.com";
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(), Map.of("seatIds", List.of("block-1-2-1", "block-1-2-2")), email);
        JsonNode order = fixtures.payAndFetch(placed).json();
        String code = order.get("code").asString();
        Api owner = api.as(org.owner().token());
        String orders = "/api/v1/organizers/" + org.slug() + "/orders/";
        assertThat(
                        owner.post(
                                        orders + code + "/refunds",
                                        Map.of(
                                                "ticketIds",
                                                List.of(
                                                        order.get("tickets")
                                                                .get(0)
                                                                .get("id")
                                                                .asString())))
                                .status())
                .isEqualTo(200);
        String friend = "friend-" + System.nanoTime() + "@example.com";
        Api.Response transferred =
                api.as(placed.json().get("accessToken").asString())
                        .post(
                                "/api/v1/orders/"
                                        + code
                                        + "/tickets/"
                                        + order.get("tickets").get(1).get("id").asString()
                                        + "/transfer",
                                Map.of("name", "Han Meimei", "email", friend));
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(201);

        List<MimeMessage> buyers = TestMail.to(email, 2, WAIT);
        List<String> subjects = buyers.stream().map(MailIntegrationTests::subjectOf).toList();
        assertThat(subjects)
                .hasSize(2)
                .contains("Refund for order " + code)
                .anyMatch(s -> s.startsWith("Your tickets for ") && s.endsWith("(" + code + ")"));
        MimeMessage refund =
                buyers.stream()
                        .filter(m -> subjectOf(m).startsWith("Refund"))
                        .findFirst()
                        .orElseThrow();
        assertThat(Parts.of(refund).text)
                .containsPattern("refunded \\d+\\.\\d\\d CNY for 1 ticket\\(s\\)");

        MimeMessage gift = only(friend);
        Parts parts = Parts.of(gift);
        assertThat(parts.text)
                .contains(
                        "Han Meimei",
                        "Guest Buyer has passed a ticket on to you",
                        transferred.json().get("id").asString());
        // The new holder gets the ticket, not a link into the giver's order.
        assertThat(parts.text).doesNotContain("pass=");
        assertThat(parts.attachments).containsKey("tickets-" + code + ".pdf");
    }

    @Test
    void aCancelledPerformanceTellsEveryBuyerOnceAndNotAsARefund() throws Exception {
        String first = "cancel-a-" + System.nanoTime() + "@example.com";
        String second = "cancel-b-" + System.nanoTime() + "@example.com";
        fixtures.payAndFetch(
                fixtures.holdAndOrder(
                        show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 2), first));
        fixtures.payAndFetch(
                fixtures.holdAndOrder(
                        show.id(), Map.of("zoneId", show.zoneGa(), "quantity", 1), second));
        only(first);
        only(second);
        assertThat(
                        api.as(org.owner().token())
                                .post(
                                        "/api/v1/organizers/"
                                                + org.slug()
                                                + "/performances/"
                                                + show.id()
                                                + "/cancel",
                                        null)
                                .status())
                .isEqualTo(200);

        for (String buyer : List.of(first, second)) {
            List<MimeMessage> received = TestMail.to(buyer, 2, WAIT);
            assertThat(received).hasSize(2);
            MimeMessage cancelled =
                    received.stream()
                            .filter(m -> subjectOf(m).startsWith("Cancelled: Show "))
                            .findFirst()
                            .orElseThrow();
            assertThat(Parts.of(cancelled).text).contains("refunded in full");
        }
        Thread.sleep(1_500); // a refund mail on top would have arrived by now
        assertThat(TestMail.to(first, 3, Duration.ZERO)).hasSize(2);
    }

    @Test
    void nothingIsWrittenForAChangeThatRollsBack() {
        JsonNode order =
                fixtures.holdAndOrder(
                                show.id(),
                                Map.of("zoneId", show.zoneGa(), "quantity", 1),
                                "rollback@example.com")
                        .json();
        long orderId =
                jdbc.sql("SELECT id FROM orders WHERE code = :code")
                        .param("code", order.get("code").asString())
                        .query(Long.class)
                        .single();
        transactions.executeWithoutResult(
                status -> {
                    events.publishEvent(
                            new OrderPaid(
                                    orderId, order.get("code").asString(), 0, show.id(), "demo"));
                    assertThat(messagesOf(orderId)).isEqualTo(1); // written with the change…
                    status.setRollbackOnly();
                });
        assertThat(messagesOf(orderId)).isZero(); // …and gone with it
    }

    @Test
    void aFailedDeliveryIsRetriedAndTheOrganizerSeesWhy() throws Exception {
        String email = "retry-" + System.nanoTime() + "@example.com";
        TestMail.stop();
        String code;
        try {
            code =
                    fixtures.payAndFetch(
                                    fixtures.holdAndOrder(
                                            show.id(),
                                            Map.of("zoneId", show.zoneGa(), "quantity", 1),
                                            email))
                            .json()
                            .get("code")
                            .asString();
            JsonNode waiting = awaitDelivery(code, "PENDING", 1);
            assertThat(waiting.get("lastError").asString()).contains("onnect");
        } finally {
            TestMail.start();
        }
        // Due again after its backoff (30 s): bring that forward instead of waiting.
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = :email")
                .param("email", email)
                .update();
        assertThat(TestMail.to(email, 1, WAIT)).hasSize(1);
        awaitDelivery(code, "SENT", 2);
    }

    /**
     * The order's first message once the organizer sees it in this state after these attempts (for
     * a waiting message: once the failed attempt is recorded, not while it is being made).
     */
    private JsonNode awaitDelivery(String code, String status, int attempts) {
        String path = "/api/v1/organizers/" + org.slug() + "/orders/" + code + "/messages";
        return await().atMost(WAIT)
                .until(
                        () -> api.as(org.owner().token()).get(path).json().get("items").get(0),
                        message ->
                                message.get("status").asString().equals(status)
                                        && message.get("attempts").asInt() == attempts
                                        && (!status.equals("PENDING")
                                                || message.hasNonNull("lastError")));
    }

    @Test
    void theDevelopmentMailboxDoesNotExistWithARealDatabase() {
        assertThat(api.get("/dev/mail").status()).isEqualTo(404);
    }

    private int messagesOf(long orderId) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE order_id = :id")
                .param("id", orderId)
                .query(Integer.class)
                .single();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage only(String email) throws InterruptedException {
        List<MimeMessage> received = TestMail.to(email, 1, WAIT);
        assertThat(received).as("messages to %s", email).hasSize(1);
        return received.get(0);
    }

    /** The text and HTML bodies and the attachments of a message. */
    static final class Parts {
        String text = "";
        String html = "";
        final Map<String, byte[]> attachments = new java.util.LinkedHashMap<>();

        static Parts of(Part message) throws Exception {
            Parts parts = new Parts();
            parts.walk(message);
            return parts;
        }

        private void walk(Part part) throws Exception {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.put(part.getFileName(), part.getInputStream().readAllBytes());
            } else if (part.isMimeType("text/plain")) {
                text += part.getContent();
            } else if (part.isMimeType("text/html")) {
                html += part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                List<BodyPart> children = new ArrayList<>();
                for (int i = 0; i < multipart.getCount(); i++) {
                    children.add(multipart.getBodyPart(i));
                }
                for (BodyPart child : children) {
                    walk(child);
                }
            }
        }
    }
}
