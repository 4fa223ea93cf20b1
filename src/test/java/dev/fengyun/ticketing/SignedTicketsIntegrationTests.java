package dev.fengyun.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.platform.Base32;
import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Signed QR codes, the published keys, key rotation, ticket files and transfers. */
class SignedTicketsIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    private Fixtures.Org org;
    private Fixtures.Performance show;

    @BeforeEach
    void onSale() {
        org = fixtures.organizer();
        long venue = fixtures.venueWithHall(org, 1, 5, 10, 0);
        show =
                fixtures.publishedPerformance(
                        org,
                        venue,
                        50,
                        Map.of(
                                "startsAt",
                                OffsetDateTime.now().plusHours(2).withNano(0).toString()));
    }

    @Test
    void aPaidTicketsQrVerifiesWithThePublishedKeyInAnIndependentEd25519() {
        JsonNode order = buy("block-1-1-1", "block-1-1-2").json();
        JsonNode ticket = order.get("tickets").get(0);
        byte[] signed = Base32.RFC_4648.decode(ticket.get("qr").asString());
        assertThat(signed).hasSize(TicketPayload.LENGTH + TicketPayload.SIGNATURE_LENGTH);
        TicketPayload payload = TicketPayload.parse(signed);
        assertThat(payload.ticketCode()).isEqualTo(ticket.get("id").asString());
        assertThat(payload.performanceId()).isEqualTo(show.id());

        JsonNode jwk = publishedKey(TicketPayload.kid(payload.keyId()));
        assertThat(jwk.get("kty").asString()).isEqualTo("OKP");
        assertThat(jwk.get("crv").asString()).isEqualTo("Ed25519");
        assertThat(bouncyCastleVerifies(jwk, signed)).isTrue();

        byte[] tampered = signed.clone();
        tampered[20] ^= 1; // another performance id, same signature
        assertThat(bouncyCastleVerifies(jwk, tampered)).isFalse();
    }

    @Test
    void aTicketIssuedByThePreviousReleaseIsSignedOnFirstRead() {
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(), Map.of("seatIds", List.of("block-1-5-1")), "old@example.com");
        String code =
                fixtures.payAndFetch(placed).json().get("tickets").get(0).get("id").asString();
        // What the release before signed tickets wrote: no QR text, no validity.
        jdbc.sql(
                        "UPDATE tickets SET qr = NULL, key_id = NULL, valid_from = NULL, valid_until = NULL WHERE code = :code")
                .param("code", code)
                .update();

        JsonNode ticket = fetch(placed).json().get("tickets").get(0);
        byte[] signed = Base32.RFC_4648.decode(ticket.get("qr").asString());
        TicketPayload payload = TicketPayload.parse(signed);
        assertThat(payload.ticketCode()).isEqualTo(code);
        assertThat(Instant.parse(ticket.get("validFrom").asString()))
                .isEqualTo(payload.validFrom());
        assertThat(bouncyCastleVerifies(publishedKey(TicketPayload.kid(payload.keyId())), signed))
                .isTrue();
        assertThat(scan(ticket.get("qr").asString())).isEqualTo("OK");
    }

    @Test
    void publishedKeysAreAJwkSetOfAnUnknownOrganizerIs404() {
        Api.Response keys = api.get("/api/v1/public/organizers/" + org.slug() + "/ticket-keys");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.header("Content-Type")).startsWith("application/jwk-set+json");
        assertThat(keys.json().get("keys")).hasSize(1);
        assertThat(api.get("/api/v1/public/organizers/no-such-org/ticket-keys").status())
                .isEqualTo(404);
    }

    @Test
    void rotatedKeysKeepVerifyingUntilRetiredAndRetiringResignsValidTickets() {
        Api owner = api.as(org.owner().token());
        String base = "/api/v1/organizers/" + org.slug() + "/ticket-keys";
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(), Map.of("seatIds", List.of("block-1-2-1")), "keys@example.com");
        JsonNode order = fixtures.payAndFetch(placed).json();
        String oldQr = order.get("tickets").get(0).get("qr").asString();
        String oldKid =
                TicketPayload.kid(TicketPayload.parse(Base32.RFC_4648.decode(oldQr)).keyId());

        Api.Response rotated = owner.post(base + "/rotate", null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKid = rotated.json().get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        JsonNode published =
                api.get("/api/v1/public/organizers/" + org.slug() + "/ticket-keys").json();
        assertThat(published.get("keys").findValuesAsString("kid"))
                .containsExactlyInAnyOrder(oldKid, newKid);

        // New tickets are signed with the new key; the old ticket still scans.
        String newQr = buy("block-1-2-2").json().get("tickets").get(0).get("qr").asString();
        assertThat(TicketPayload.kid(TicketPayload.parse(Base32.RFC_4648.decode(newQr)).keyId()))
                .isEqualTo(newKid);
        assertThat(scan(oldQr)).isEqualTo("OK");

        assertThat(owner.post(base + "/" + newKid + "/retire", null).json().get("code").asString())
                .isEqualTo("TICKET_KEY_SIGNING");
        Api.Response retired = owner.post(base + "/" + oldKid + "/retire", null);
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("ticketsResigned").asInt()).isEqualTo(1);

        assertThat(scan(oldQr)).isEqualTo("INVALID");
        String resigned = fetch(placed).json().get("tickets").get(0).get("qr").asString();
        assertThat(resigned).isNotEqualTo(oldQr);
        assertThat(scan(resigned)).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(
                        api.get("/api/v1/public/organizers/" + org.slug() + "/ticket-keys")
                                .json()
                                .get("keys")
                                .findValuesAsString("kid"))
                .containsExactly(newKid);
    }

    @Test
    void ticketFilesNeedTheOrdersTokenAndShowTheTicket() throws Exception {
        // A Chinese title: the PDF must carry its glyphs, not question marks.
        Api.Response renamed =
                api.as(org.owner().token())
                        .put(
                                "/api/v1/organizers/" + org.slug() + "/events/" + show.eventId(),
                                Map.of("title", "春节联欢晚会", "category", "CONCERT"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        // The storefront keeps its copy of a performance for half a second.
        for (int i = 0; i < 50; i++) {
            if (api.get("/api/v1/public/performances/" + show.id()).body().contains("春节联欢晚会")) {
                break;
            }
            Thread.sleep(50);
        }
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(), Map.of("seatIds", List.of("block-1-3-1")), "files@example.com");
        JsonNode order = fixtures.payAndFetch(placed).json();
        String token = placed.json().get("accessToken").asString();
        String code = order.get("code").asString();
        JsonNode ticket = order.get("tickets").get(0);
        Api buyer = api.as(token);

        Api.Response png = buyer.get(ticket.get("files").get("qrPng").asString());
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        assertThat(Arrays.copyOf(png.bytes(), 4)).containsExactly(0x89, 'P', 'N', 'G');

        Api.Response svg = buyer.get(ticket.get("files").get("qrSvg").asString());
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg");

        assertThat(order.get("files").get("pdf").asString())
                .isEqualTo("/api/v1/orders/" + code + "/tickets.pdf");
        Api.Response pdf =
                api.get(order.get("files").get("pdf").asString() + "?access_token=" + token);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(pdf.header("Content-Disposition")).contains(code + ".pdf");
        try (var document = Loader.loadPDF(pdf.bytes())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "春节联欢晚会", "Order " + code, ticket.get("id").asString(), "Guest Buyer");
        }

        Api.Response ics = buyer.get(order.get("files").get("calendar").asString());
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.body())
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("BEGIN:VEVENT\r\n", "DTSTART:", "SUMMARY:春节联欢晚会\r\n")
                .endsWith("END:VCALENDAR\r\n");

        assertThat(api.get(ticket.get("files").get("pdf").asString()).status()).isEqualTo(404);
        assertThat(
                        api.get("/api/v1/orders/" + code + "/tickets.pdf?access_token=fyo_wrong")
                                .status())
                .isEqualTo(404);
    }

    @Test
    void aTransferRevokesTheOldCodeAndIssuesANewOneToTheNewHolder() {
        Api.Response placed =
                fixtures.holdAndOrder(
                        show.id(), Map.of("seatIds", List.of("block-1-4-1")), "giver@example.com");
        JsonNode order = fixtures.payAndFetch(placed).json();
        Api buyer = api.as(placed.json().get("accessToken").asString());
        JsonNode old = order.get("tickets").get(0);
        String path =
                "/api/v1/orders/"
                        + order.get("code").asString()
                        + "/tickets/"
                        + old.get("id").asString()
                        + "/transfer";

        Api.Response transferred =
                buyer.post(path, Map.of("name", "Li Lei", "email", "Li.Lei@example.com"));
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(201);
        JsonNode renewed = transferred.json();
        assertThat(renewed.get("id").asString()).isNotEqualTo(old.get("id").asString());
        assertThat(renewed.get("holder").asString()).isEqualTo("Li Lei");
        assertThat(renewed.get("seatId").asString()).isEqualTo("block-1-4-1");

        assertThat(scan(old.get("qr").asString())).isEqualTo("REVOKED");
        assertThat(scan(renewed.get("qr").asString())).isEqualTo("OK");
        assertThat(
                        buyer.post(path, Map.of("name", "Han Meimei", "email", "han@example.com"))
                                .json()
                                .get("code")
                                .asString())
                .isEqualTo("TICKET_NOT_VALID");
        assertThat(
                        buyer.post(
                                        path.replace(
                                                old.get("id").asString(),
                                                renewed.get("id").asString()),
                                        Map.of("name", "", "email", "nope"))
                                .status())
                .isEqualTo(400);

        JsonNode after = fetch(placed).json().get("tickets");
        assertThat(after.findValuesAsString("status")).containsExactly("REVOKED", "VALID");
        assertThat(after.get(0).get("revokedReason").asString()).isEqualTo("TRANSFERRED");
        assertThat(after.get(0).get("qr").isNull()).isTrue();
    }

    private Api.Response buy(String... seats) {
        return fixtures.payAndFetch(
                fixtures.holdAndOrder(
                        show.id(), Map.of("seatIds", List.of(seats)), "buyer@example.com"));
    }

    private Api.Response fetch(Api.Response placed) {
        return api.as(placed.json().get("accessToken").asString())
                .get("/api/v1/orders/" + placed.json().get("code").asString());
    }

    private String scan(String code) {
        Api.Response scanned =
                api.as(org.owner().token())
                        .post(
                                "/api/v1/organizers/" + org.slug() + "/checkin/scans",
                                Map.of("code", code, "performanceId", show.id()));
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        return scanned.json().get("result").asString();
    }

    private JsonNode publishedKey(String kid) {
        for (JsonNode key :
                api.get("/api/v1/public/organizers/" + org.slug() + "/ticket-keys")
                        .json()
                        .get("keys")) {
            if (key.get("kid").asString().equals(kid)) {
                return key;
            }
        }
        throw new AssertionError("key " + kid + " is not published");
    }

    private static boolean bouncyCastleVerifies(JsonNode jwk, byte[] signed) {
        byte[] x = Base64.getUrlDecoder().decode(jwk.get("x").asString());
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(x, 0));
        verifier.update(signed, 0, TicketPayload.LENGTH);
        return verifier.verifySignature(
                Arrays.copyOfRange(signed, TicketPayload.LENGTH, signed.length));
    }
}
