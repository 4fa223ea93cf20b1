package dev.fengyun.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fengyun.support.Api;
import dev.fengyun.support.Fixtures;
import dev.fengyun.support.IntegrationTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The door of a protected sale: proof-of-work challenges, admission tokens from the waiting room
 * and "verified accounts only", each refused when forged, expired, reused or shown by someone else.
 */
class SaleProtectionIntegrationTests extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void holdsOfAProtectedSaleNeedASolvedChallengeEachUsableOnce() throws Exception {
        Fixtures.Performance show = show();
        protect(show, Map.of("challengeDifficulty", 10));

        Api.Response bare = hold(show, api);
        assertThat(bare.status()).isEqualTo(403);
        assertThat(bare.json().get("code").asString()).isEqualTo("CHALLENGE_REQUIRED");

        String challenge = challenge(show);
        String solution = challenge + ":" + solve(challenge, 10);
        Api solved = api.header("Fengyun-Challenge", solution);
        assertThat(hold(show, solved).status()).isEqualTo(201);

        Api.Response reused = hold(show, solved);
        assertThat(reused.status()).isEqualTo(403);
        assertThat(reused.json().get("code").asString()).isEqualTo("CHALLENGE_USED");

        String other = challenge(show);
        Api.Response unsolved =
                hold(show, api.header("Fengyun-Challenge", other + ":" + wrongAnswer(other, 10)));
        assertThat(code(unsolved)).isEqualTo("CHALLENGE_INVALID");

        // Forged: another signature, or a payload changed under the old one.
        String forgedMac = other.substring(0, other.indexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(holdSolving(show, forgedMac, 10)).isEqualTo("CHALLENGE_INVALID");
        String easier =
                sign(challengePayload(show.id(), Instant.now().plusSeconds(60), 1), otherKey());
        String easierForged =
                easier.substring(0, easier.indexOf('.')) + other.substring(other.indexOf('.'));
        assertThat(holdSolving(show, easierForged, 1)).isEqualTo("CHALLENGE_INVALID");

        // Genuinely signed but expired, too easy, or for another performance.
        String expired =
                sign(challengePayload(show.id(), Instant.now().minusSeconds(1), 10), key());
        assertThat(holdSolving(show, expired, 10)).isEqualTo("CHALLENGE_EXPIRED");
        String tooEasy = sign(challengePayload(show.id(), Instant.now().plusSeconds(60), 2), key());
        assertThat(holdSolving(show, tooEasy, 2)).isEqualTo("CHALLENGE_INVALID");
        String elsewhere =
                sign(challengePayload(show.id() + 1, Instant.now().plusSeconds(60), 10), key());
        assertThat(holdSolving(show, elsewhere, 10)).isEqualTo("CHALLENGE_INVALID");
    }

    @Test
    void holdsOfAWaitingRoomSaleNeedTheVisitorsOwnFreshAdmissionToken() throws Exception {
        Fixtures.Performance show = show();
        protect(show, Map.of("waitingRoom", room(Instant.now().plusSeconds(2), 6000)));
        assertThat(code(hold(show, api))).isEqualTo("ADMISSION_REQUIRED");

        Api.Response joined = api.post("/api/v1/waiting-room/" + show.id() + "/join", null);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(joined.json().get("stage").asString()).isEqualTo("PRE_QUEUE");
        Api visitor = api.header("Fengyun-Queue", joined.json().get("queueToken").asString());
        Api.Response early = visitor.post("/api/v1/waiting-room/" + show.id() + "/admission", null);
        assertThat(early.status()).isEqualTo(403);
        assertThat(code(early)).isEqualTo("ADMISSION_REQUIRED");

        String admission = admissionWhenAdmitted(show, visitor);
        Api admitted = visitor.header("Fengyun-Admission", admission);

        // Someone else showing this visitor's admission is turned away, and it stays unspent.
        Api.Response other = api.post("/api/v1/waiting-room/" + show.id() + "/join", null);
        Api stranger =
                api.header("Fengyun-Queue", other.json().get("queueToken").asString())
                        .header("Fengyun-Admission", admission);
        assertThat(code(hold(show, stranger))).isEqualTo("ADMISSION_REQUIRED");
        assertThat(code(hold(show, api.header("Fengyun-Admission", admission))))
                .isEqualTo("ADMISSION_REQUIRED");

        assertThat(hold(show, admitted).status()).isEqualTo(201);
        Api.Response reused = hold(show, admitted);
        assertThat(code(reused)).isEqualTo("ADMISSION_REQUIRED");
        assertThat(reused.json().get("detail").asString()).contains("used already");

        // Forged and expired admission tokens.
        String forged =
                admission.substring(0, admission.indexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(code(hold(show, visitor.header("Fengyun-Admission", forged))))
                .isEqualTo("ADMISSION_REQUIRED");
        UUID visitorId = visitorId(joined.json().get("queueToken").asString());
        String expired =
                sign(admissionPayload(show.id(), visitorId, Instant.now().minusSeconds(1)), key());
        Api.Response late = hold(show, visitor.header("Fengyun-Admission", expired));
        assertThat(code(late)).isEqualTo("ADMISSION_REQUIRED");
        assertThat(late.json().get("detail").asString()).contains("expired");
        String fresh =
                sign(admissionPayload(show.id(), visitorId, Instant.now().plusSeconds(60)), key());
        assertThat(hold(show, visitor.header("Fengyun-Admission", fresh)).status())
                .as("a genuine token of this visitor, as the service would sign it")
                .isEqualTo(201);
    }

    @Test
    void aVerifiedAccountsOnlySaleTurnsAwayGuestsAndUnverifiedAccounts() {
        Fixtures.Performance show = show();
        protect(show, Map.of("verifiedAccountsOnly", true));
        assertThat(code(hold(show, api))).isEqualTo("VERIFIED_ACCOUNT_REQUIRED");
        Fixtures.Account buyer = fixtures.account("buyer");
        Api signedIn = api.as(buyer.token());
        assertThat(code(hold(show, signedIn))).isEqualTo("VERIFIED_ACCOUNT_REQUIRED");
        jdbc.sql("UPDATE accounts SET email_verified_at = now() WHERE id = :id")
                .param("id", buyer.id())
                .update();
        assertThat(hold(show, signedIn).status()).isEqualTo(201);

        Api.Response published = api.get("/api/v1/performances/" + show.id() + "/protection");
        assertThat(published.json().get("verifiedAccountsOnly").asBoolean()).isTrue();
        Api.Response open = api.delete(organizerPath(show));
        assertThat(open.status()).isEqualTo(401); // anonymous callers may not
        Api owner = api.as(ownerToken(show));
        assertThat(owner.delete(organizerPath(show)).status()).isEqualTo(204);
        assertThat(hold(show, api).status()).isEqualTo(201);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        Fixtures.Performance show = show();
        Api owner = api.as(ownerToken(show));
        Api.Response tooHard = owner.put(organizerPath(show), Map.of("challengeDifficulty", 40));
        assertThat(tooHard.status()).isEqualTo(400);
        assertThat(tooHard.body()).contains("challengeDifficulty");
        Map<String, Object> noRate = new HashMap<>();
        noRate.put("startsAt", Instant.now().plusSeconds(60).toString());
        Api.Response missing = owner.put(organizerPath(show), Map.of("waitingRoom", noRate));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("admitPerMinute");
        assertThat(owner.get(organizerPath(show)).status()).isEqualTo(404);
    }

    // --- helpers --------------------------------------------------------------------------------

    private final Map<Long, String> owners = new HashMap<>();

    private Fixtures.Performance show() {
        Fixtures.Org org = fixtures.organizer();
        Fixtures.Performance show =
                fixtures.publishedPerformance(
                        org,
                        fixtures.venueWithHall(org, 1, 2, 2, 0),
                        100,
                        Map.of("maxTicketsPerOrder", 4));
        owners.put(show.id(), org.owner().token());
        return show;
    }

    private String ownerToken(Fixtures.Performance show) {
        return owners.get(show.id());
    }

    static Map<String, Object> room(Instant startsAt, int perMinute) {
        return Map.of("startsAt", startsAt.toString(), "admitPerMinute", perMinute);
    }

    private void protect(Fixtures.Performance show, Map<String, Object> settings) {
        Api.Response put = api.as(ownerToken(show)).put(organizerPath(show), settings);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    static String organizerPath(Fixtures.Performance show) {
        return "/api/v1/organizers/" + show.org() + "/performances/" + show.id() + "/protection";
    }

    private Api.Response hold(Fixtures.Performance show, Api as) {
        Map<String, Object> body = new HashMap<>();
        body.put("performanceId", show.id());
        body.put("zoneId", show.zoneGa());
        body.put("quantity", 1);
        return as.post("/api/v1/holds", body);
    }

    /** The problem code of a hold that shows the challenge solved at {@code bits}. */
    private String holdSolving(Fixtures.Performance show, String challenge, int bits)
            throws Exception {
        return code(
                hold(
                        show,
                        api.header("Fengyun-Challenge", challenge + ":" + solve(challenge, bits))));
    }

    private String challenge(Fixtures.Performance show) {
        Api.Response issued = api.post("/api/v1/performances/" + show.id() + "/challenge", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().get("challenge").asString();
    }

    static String admissionWhenAdmitted(Fixtures.Performance show, Api visitor)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Api.Response admission =
                    visitor.post("/api/v1/waiting-room/" + show.id() + "/admission", null);
            if (admission.status() == 200) {
                return admission.json().get("admission").asString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not admitted within 10 s");
    }

    static String code(Api.Response response) {
        return response.json().get("code").asString();
    }

    /** A number n with SHA-256(challenge + ":" + n) starting with {@code bits} zero bits. */
    static long solve(String challenge, int bits) throws Exception {
        return firstNumber(challenge, bits, true);
    }

    /** A number n that does not solve the challenge. */
    private static long wrongAnswer(String challenge, int bits) throws Exception {
        return firstNumber(challenge, bits, false);
    }

    private static long firstNumber(String challenge, int bits, boolean solving) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; ; n++) {
            byte[] hash = sha.digest((challenge + ":" + n).getBytes(StandardCharsets.US_ASCII));
            boolean solves = new java.math.BigInteger(1, hash).bitLength() <= 256 - bits;
            if (solves == solving) {
                return n;
            }
        }
    }

    private byte[] key() {
        return jdbc.sql("SELECT secret FROM platform_secrets WHERE name = 'sale-protection'")
                .query(byte[].class)
                .single();
    }

    private static byte[] otherKey() {
        return UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Signs as the service does: base64url(payload).base64url(first 16 bytes of HMAC-SHA256). */
    private static String sign(ByteBuffer payload, byte[] key) throws Exception {
        byte[] bytes = Arrays.copyOf(payload.array(), payload.position());
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] mac = Arrays.copyOf(hmac.doFinal(bytes), 16);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(bytes) + "." + b64.encodeToString(mac);
    }

    private static ByteBuffer challengePayload(long performanceId, Instant expires, int bits) {
        return ByteBuffer.allocate(34)
                .put((byte) 'C')
                .putLong(performanceId)
                .put(new byte[16])
                .putLong(expires.getEpochSecond())
                .put((byte) bits);
    }

    private static ByteBuffer admissionPayload(long performanceId, UUID visitor, Instant expires) {
        return ByteBuffer.allocate(49)
                .put((byte) 'A')
                .putLong(performanceId)
                .putLong(visitor.getMostSignificantBits())
                .putLong(visitor.getLeastSignificantBits())
                .put(
                        UUID.randomUUID()
                                .toString()
                                .substring(0, 16)
                                .getBytes(StandardCharsets.US_ASCII))
                .putLong(expires.getEpochSecond());
    }

    private static UUID visitorId(String queueToken) {
        ByteBuffer payload =
                ByteBuffer.wrap(
                        Base64.getUrlDecoder()
                                .decode(queueToken.substring(0, queueToken.indexOf('.'))));
        payload.get();
        payload.getLong();
        return new UUID(payload.getLong(), payload.getLong());
    }
}
