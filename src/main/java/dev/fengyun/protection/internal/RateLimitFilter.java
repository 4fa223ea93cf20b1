package dev.fengyun.protection.internal;

import dev.fengyun.platform.BufferedRequest;
import dev.fengyun.platform.Callers;
import dev.fengyun.platform.ProblemResponses;
import dev.fengyun.protection.internal.RateLimits.Kind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits in front of everything but health checks, static files and waiting-room polls: each
 * request takes a token from its client address's bucket for its {@link Kind}, and from its
 * account's (the credential it carries: API token or session; for sign-ins the e-mail tried). Over
 * the limit it gets 429 with {@code Retry-After} before any session, security or database work.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Pattern JSON_EMAIL =
            Pattern.compile("\"email\"\\s*:\\s*\"([^\"]{1,320})\"");
    private static final int MAX_SIGN_IN_BODY = 16 * 1024;

    private final RateLimits limits;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled();
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kind(request.getMethod(), request.getRequestURI());
        if (kind == null) {
            chain.doFilter(request, response);
            return;
        }
        OptionalLong wait = limits.take(kind, "ip:" + request.getRemoteAddr());
        if (wait.isEmpty()) {
            String credential = Callers.credentialDigest(request);
            if (credential != null) {
                wait = limits.take(kind, "cred:" + credential);
            }
        }
        if (wait.isEmpty() && kind == Kind.LOGIN) {
            SignIn signIn = SignIn.read(request);
            request = signIn.request();
            if (signIn.email() != null) {
                wait = limits.take(kind, "email:" + signIn.email().toLowerCase(Locale.ROOT));
            }
        }
        if (wait.isPresent()) {
            refuse(request, response, kind, wait.getAsLong());
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, Kind kind, long seconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (request.getRequestURI().equals("/login")) {
            response.sendRedirect("/login?throttled"); // the sign-in form says so in words
            return;
        }
        problems.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "Too many requests of this kind from you; retry in " + seconds + " s.",
                Map.of("kind", kind.name().toLowerCase(Locale.ROOT), "retryAfterSeconds", seconds));
    }

    /** The kind of request, or null for requests that are never limited. */
    static Kind kind(String method, String path) {
        if (path.startsWith("/actuator/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico")) {
            return null;
        }
        if (path.startsWith(WaitingRoomFilter.PREFIX)) {
            // Polls are answered from memory; joining is the door to holding.
            return path.endsWith("/join") ? Kind.HOLD : null;
        }
        if (!method.equals("POST")) {
            return Kind.BROWSE;
        }
        if (path.equals("/login")
                || path.equals("/signup")
                || path.startsWith("/api/v1/auth/")
                || path.startsWith("/api/v1/me/email-verification")
                || path.startsWith("/me/verify-email")) {
            return Kind.LOGIN;
        }
        if (path.equals("/api/v1/holds")) {
            return Kind.HOLD;
        }
        if (path.equals("/api/v1/orders")
                || path.startsWith("/checkout/")
                || (path.startsWith("/api/v1/orders/") && path.endsWith("/payments"))
                || (path.startsWith("/orders/") && path.endsWith("/pay"))) {
            return Kind.ORDER;
        }
        if (path.endsWith("/checkin/scans")) {
            return Kind.SCAN;
        }
        return Kind.BROWSE;
    }

    /**
     * The e-mail a sign-in tries: a form field, or the {@code email} of a small JSON body (read
     * here and handed on whole). A body of unknown or large size is not read: its sign-in is then
     * limited per address and account only.
     */
    private record SignIn(HttpServletRequest request, String email) {

        static SignIn read(HttpServletRequest request) throws IOException {
            String contentType = request.getContentType();
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
                return new SignIn(request, request.getParameter("email"));
            }
            long length = request.getContentLengthLong();
            if (length < 0 || length > MAX_SIGN_IN_BODY) {
                return new SignIn(request, null);
            }
            BufferedRequest buffered = new BufferedRequest(request);
            Matcher email = JSON_EMAIL.matcher(new String(buffered.body(), StandardCharsets.UTF_8));
            return new SignIn(buffered, email.find() ? email.group(1) : null);
        }
    }
}
