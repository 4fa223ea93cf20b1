package dev.fengyun.protection.internal;

import dev.fengyun.platform.Forbidden;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.ProblemException;
import dev.fengyun.platform.ProblemResponses;
import dev.fengyun.protection.SaleGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The waiting room's API, the busiest endpoints of a protected on-sale: everyone in the queue polls
 * it. It is answered here, in front of sessions, security and MVC dispatch, from the visitor's
 * signed token and {@link ProtectionState}; only joining writes (one row).
 *
 * <ul>
 *   <li>{@code POST /api/v1/waiting-room/{performance}/join}: a place in the queue (201), or the
 *       caller's current one if their token is still good (200)
 *   <li>{@code GET /api/v1/waiting-room/{performance}}: stage, position, estimated wait
 *   <li>{@code POST /api/v1/waiting-room/{performance}/admission}: a single-use admission token for
 *       one hold, once it is the visitor's turn
 * </ul>
 *
 * The visitor token travels in the cookie {@code fy-queue-<performance>} (browsers) or the header
 * {@code Fengyun-Queue} (API clients); each answer carries its newest version.
 */
class WaitingRoomFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/v1/waiting-room/";

    private final WaitingRooms rooms;
    private final ProblemResponses problems;
    private final Counter polls;
    private final Counter joins;
    private final Counter admissions;

    WaitingRoomFilter(WaitingRooms rooms, ProblemResponses problems, MeterRegistry meters) {
        this.rooms = rooms;
        this.problems = problems;
        this.polls = counter(meters, "poll");
        this.joins = counter(meters, "join");
        this.admissions = counter(meters, "admission");
    }

    private static Counter counter(MeterRegistry meters, String action) {
        return Counter.builder("fengyun.waiting_room.requests")
                .description("Waiting-room requests answered (any outcome)")
                .tag("action", action)
                .register(meters);
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX)) {
            chain.doFilter(request, response); // "/api/v1/waiting-room" itself: no such route
            return;
        }
        int slash = uri.indexOf('/', PREFIX.length());
        String id =
                slash < 0 ? uri.substring(PREFIX.length()) : uri.substring(PREFIX.length(), slash);
        String action = slash < 0 ? "" : uri.substring(slash);
        String method = request.getMethod();
        boolean known =
                id.length() > 0
                        && id.length() <= 18
                        && id.chars().allMatch(c -> c >= '0' && c <= '9')
                        && (action.isEmpty()
                                ? method.equals("GET") || method.equals("HEAD")
                                : (action.equals("/join") || action.equals("/admission"))
                                        && method.equals("POST"));
        if (!known) {
            chain.doFilter(request, response); // MVC answers 404/405 as for any unknown route
            return;
        }
        long performanceId = Long.parseLong(id);
        (action.isEmpty() ? polls : action.equals("/join") ? joins : admissions).increment();
        try {
            Protection room =
                    rooms.room(performanceId)
                            .orElseThrow(
                                    () ->
                                            new NotFound(
                                                    "NO_WAITING_ROOM",
                                                    "This performance has no waiting room."));
            String token = SaleGuard.visitorToken(request, performanceId);
            Optional<WaitingRooms.Visitor> visitor =
                    token == null ? Optional.empty() : rooms.visitor(token, performanceId);
            if (action.isEmpty()) {
                WaitingRooms.Visitor visitorNow =
                        visitor.orElseThrow(
                                () ->
                                        new NotFound(
                                                "NOT_IN_QUEUE",
                                                "Join the waiting room first (POST "
                                                        + PREFIX
                                                        + performanceId
                                                        + "/join)."));
                status(request, response, 200, rooms.status(room, visitorNow, token));
            } else if (action.equals("/join")) {
                WaitingRooms.Status current =
                        visitor.map(v -> rooms.status(room, v, token)).orElse(null);
                if (current != null && current.stage() != WaitingRooms.Stage.EXPIRED) {
                    status(request, response, 200, current);
                } else {
                    status(request, response, 201, rooms.join(performanceId));
                }
            } else {
                WaitingRooms.Visitor visitorNow =
                        visitor.orElseThrow(
                                () ->
                                        new Forbidden(
                                                "ADMISSION_REQUIRED",
                                                "Join the waiting room first (POST "
                                                        + PREFIX
                                                        + performanceId
                                                        + "/join)."));
                String admission = rooms.admit(room, visitorNow);
                write(
                        response,
                        200,
                        "{\"admission\":\""
                                + admission
                                + "\",\"validSeconds\":"
                                + WaitingRooms.ADMISSION_VALIDITY.toSeconds()
                                + "}");
            }
        } catch (ProblemException e) {
            problems.write(request, response, e.status(), e.code(), e.getMessage(), e.properties());
        } catch (DataAccessException e) {
            response.setHeader("Retry-After", "2");
            problems.write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "SERVICE_UNAVAILABLE",
                    "The waiting room cannot take new arrivals this moment. Please retry shortly.");
        }
    }

    private void status(
            HttpServletRequest request,
            HttpServletResponse response,
            int code,
            WaitingRooms.Status s)
            throws IOException {
        if (s.renewed()) {
            // Written out: Tomcat's cookie processor costs more than the rest of a poll.
            response.addHeader(
                    "Set-Cookie",
                    SaleGuard.visitorCookie(s.visitor().performanceId())
                            + "="
                            + s.token()
                            + "; Path=/; Max-Age=172800; HttpOnly; SameSite=Lax"
                            + (request.isSecure() ? "; Secure" : ""));
        }
        StringBuilder json = new StringBuilder(320);
        json.append("{\"performanceId\":")
                .append(s.visitor().performanceId())
                .append(",\"stage\":\"")
                .append(s.stage())
                .append('"')
                .append(",\"startsAt\":\"")
                .append(s.startsAt())
                .append('"')
                .append(",\"position\":")
                .append(s.position() < 0 ? "null" : Long.toString(s.position()))
                .append(",\"estimatedWaitSeconds\":")
                .append(
                        s.estimatedWaitSeconds() < 0
                                ? "null"
                                : Long.toString(s.estimatedWaitSeconds()))
                .append(",\"admittedUntil\":")
                .append(s.admittedUntil() == null ? "null" : "\"" + s.admittedUntil() + "\"")
                .append(",\"pollAfterSeconds\":")
                .append(pollAfter(s))
                .append(",\"queueToken\":\"")
                .append(s.token())
                .append("\"}");
        write(response, code, json.toString());
    }

    /** Sooner near the start and the front of the queue, rarely when far back. */
    private static long pollAfter(WaitingRooms.Status s) {
        return switch (s.stage()) {
            case PRE_QUEUE ->
                    clamp(Duration.between(Instant.now(), s.startsAt()).toSeconds(), 1, 15);
            case WAITING ->
                    s.estimatedWaitSeconds() < 0 ? 2 : clamp(s.estimatedWaitSeconds() / 4, 2, 15);
            case ADMITTED, EXPIRED -> 30;
        };
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static void write(HttpServletResponse response, int status, String json)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
