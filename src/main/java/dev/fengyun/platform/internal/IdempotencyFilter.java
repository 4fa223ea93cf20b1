package dev.fengyun.platform.internal;

import dev.fengyun.platform.BufferedRequest;
import dev.fengyun.platform.Callers;
import dev.fengyun.platform.Digests;
import dev.fengyun.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes every mutating request that carries {@code Idempotency-Key} safe to retry: the first
 * response is stored (scoped to method, path and caller) and replayed for later requests with the
 * same key and body. The same key with another body is a 422; a key whose first request is still
 * running is a 409. Server errors are not stored, so they can be retried for real.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> REPLAYED_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyKeys keys;
    private final ProblemResponses problems;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyKeys keys, ProblemResponses problems, JsonMapper json) {
        this.keys = keys;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MUTATING.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 255) {
            problems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "Idempotency-Key must be 1 to 255 characters.",
                    Map.of(
                            "errors",
                            List.of(
                                    Map.of(
                                            "field",
                                            HEADER,
                                            "code",
                                            "Size",
                                            "message",
                                            "must be 1 to 255 characters"))));
            return;
        }
        BufferedRequest buffered = new BufferedRequest(request);
        String scope = scope(request);
        byte[] hash = Digests.sha256(buffered.body());
        try {
            if (!keys.claim(scope, key, hash)) {
                replay(request, response, keys.find(scope, key), hash);
                return;
            }
        } catch (DataAccessException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "SERVICE_UNAVAILABLE",
                    "The service is briefly unavailable. Please retry in a few seconds.");
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(buffered, captured);
            if (captured.getStatus() < 500) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : REPLAYED_HEADERS) {
                    if (captured.getHeader(name) != null) {
                        headers.put(name, captured.getHeader(name));
                    }
                }
                keys.complete(
                        scope,
                        key,
                        captured.getStatus(),
                        captured.getContentType(),
                        json.writeValueAsString(headers),
                        captured.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                keys.forget(scope, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private void replay(
            HttpServletRequest request,
            HttpServletResponse response,
            Optional<IdempotencyKeys.Stored> found,
            byte[] hash)
            throws IOException {
        if (found.isEmpty() || found.get().status() == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(
                    request,
                    response,
                    HttpStatus.CONFLICT,
                    "IDEMPOTENCY_KEY_IN_USE",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
            return;
        }
        IdempotencyKeys.Stored stored = found.get();
        if (!Digests.equal(stored.requestHash(), hash)) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different request body.");
            return;
        }
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.headers() != null) {
            Map<?, ?> headers = json.readValue(stored.headers(), Map.class);
            headers.forEach((name, value) -> response.setHeader(name.toString(), value.toString()));
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    /** Keys of different callers never collide: the scope includes who is calling. */
    private static String scope(HttpServletRequest request) {
        String caller = Callers.credentialDigest(request);
        return request.getMethod()
                + " "
                + request.getRequestURI()
                + " "
                + (caller == null ? "anonymous" : caller);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void expireOldKeys() {
        keys.expireOld();
    }
}
