package dev.fengyun.platform.internal;

import dev.fengyun.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code FENGYUN_MAX_CONCURRENT_REQUESTS} requests work at once; the rest wait their
 * turn in arrival order. Without it a rush (or virtual threads, which make threads free) puts
 * thousands of requests in the database connection queue at once, where the pool (which is not
 * fair) lets some of them time out instead of being served a moment later. Health and metrics are
 * never held back.
 *
 * <p>Public reads ({@code GET /api/v1/public/…}: the catalog, seat maps) have a lane of their own
 * with a quarter of the permits: they are served from sub-second snapshots and rarely need the
 * database, and a buyer deciding which seat to click should see the map of now, not of the moment
 * they joined the queue behind everyone's holds.
 */
class ConcurrencyLimitFilter extends OncePerRequestFilter {

    private final Semaphore permits;
    private final Semaphore readPermits;
    private final long maxWaitMillis;
    private final ProblemResponses problems;

    ConcurrencyLimitFilter(int maxConcurrent, long maxWaitMillis, ProblemResponses problems) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.readPermits = new Semaphore(Math.max(1, maxConcurrent / 4), true);
        this.maxWaitMillis = maxWaitMillis;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Semaphore lane = isPublicRead(request) ? readPermits : permits;
        boolean admitted;
        try {
            admitted = lane.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            problems.write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "SERVICE_BUSY",
                    "The service is very busy. Please retry in a moment.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            lane.release();
        }
    }

    private static boolean isPublicRead(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getRequestURI().startsWith("/api/v1/public/");
    }
}
