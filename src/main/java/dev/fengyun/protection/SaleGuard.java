package dev.fengyun.protection;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.EmailVerification;
import dev.fengyun.platform.Forbidden;
import dev.fengyun.protection.internal.Challenges;
import dev.fengyun.protection.internal.Protection;
import dev.fengyun.protection.internal.ProtectionState;
import dev.fengyun.protection.internal.ProtectionStore;
import dev.fengyun.protection.internal.SingleUse;
import dev.fengyun.protection.internal.WaitingRooms;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The door to a protected sale, asked before any inventory work for every hold. An unprotected
 * performance costs one map lookup. A protected one may ask, in this order: a signed-in account
 * with a verified e-mail, an admission token from its waiting room (with the visitor token it was
 * issued to) and a solved proof-of-work challenge. Tokens and solutions are single-use.
 */
@Service
public class SaleGuard {

    /** Header with a solved challenge: {@code <challenge>:<solution>}. */
    public static final String CHALLENGE_HEADER = "Fengyun-Challenge";

    /** Header with an admission token from the waiting room. */
    public static final String ADMISSION_HEADER = "Fengyun-Admission";

    /** Header (API clients) or cookie {@code fy-queue-<performance id>} (browsers): the visitor. */
    public static final String VISITOR_HEADER = "Fengyun-Queue";

    private final ProtectionState state;
    private final WaitingRooms rooms;
    private final Challenges challenges;
    private final EmailVerification verification;
    private final ProtectionStore store;

    SaleGuard(
            ProtectionState state,
            WaitingRooms rooms,
            Challenges challenges,
            EmailVerification verification,
            ProtectionStore store) {
        this.store = store;
        this.state = state;
        this.rooms = rooms;
        this.challenges = challenges;
        this.verification = verification;
    }

    public static String visitorCookie(long performanceId) {
        return "fy-queue-" + performanceId;
    }

    /**
     * Lets a hold for the performance go ahead, or throws the problem that says what is missing
     * (403 {@code VERIFIED_ACCOUNT_REQUIRED}, {@code ADMISSION_REQUIRED}, {@code
     * CHALLENGE_REQUIRED}/{@code _INVALID}/{@code _EXPIRED}/{@code _USED}).
     */
    public void checkHold(long performanceId, HttpServletRequest request) {
        Optional<Protection> found = state.of(performanceId);
        if (found.isEmpty()) {
            return;
        }
        Protection protection = found.get();
        if (protection.verifiedOnly()) {
            requireVerifiedAccount();
        }
        List<SingleUse> proofs = new ArrayList<>(2);
        if (protection.hasWaitingRoom()) {
            proofs.add(
                    rooms.check(
                            performanceId,
                            request.getHeader(ADMISSION_HEADER),
                            visitor(request, performanceId)));
        }
        if (protection.challengeBits() > 0) {
            proofs.add(
                    challenges.check(
                            request.getHeader(CHALLENGE_HEADER),
                            performanceId,
                            protection.challengeBits()));
        }
        proofs.forEach(proof -> proof.spend(store));
    }

    /** The visitor of a performance's waiting room this request comes from, if any. */
    public Optional<WaitingRooms.Visitor> visitor(HttpServletRequest request, long performanceId) {
        String token = visitorToken(request, performanceId);
        return token == null ? Optional.empty() : rooms.visitor(token, performanceId);
    }

    /** The visitor token the request carries (header, else cookie), or null. */
    public static String visitorToken(HttpServletRequest request, long performanceId) {
        String token = request.getHeader(VISITOR_HEADER);
        if (token == null && request.getCookies() != null) {
            String name = visitorCookie(performanceId);
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(name)) {
                    token = cookie.getValue();
                }
            }
        }
        return token;
    }

    /** Whether holds for the performance must bring an admission token or a solved challenge. */
    public boolean needsProofs(long performanceId) {
        return state.of(performanceId)
                .filter(p -> p.hasWaitingRoom() || p.challengeBits() > 0)
                .isPresent();
    }

    /** Whether a page visit may see the seat map now (not a protected sale, or admitted). */
    public boolean mayShop(long performanceId, HttpServletRequest request) {
        Optional<Protection> room = rooms.room(performanceId);
        if (room.isEmpty()) {
            return true;
        }
        return visitor(request, performanceId)
                .map(v -> rooms.status(room.get(), v, null).stage() == WaitingRooms.Stage.ADMITTED)
                .orElse(false);
    }

    private void requireVerifiedAccount() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof CurrentAccount account)
                || !verification.verified(account.id())) {
            throw new Forbidden(
                    "VERIFIED_ACCOUNT_REQUIRED",
                    "Only signed-in buyers with a verified e-mail address may buy for this"
                            + " performance. Sign in and verify your address at /me/verify-email.");
        }
    }
}
