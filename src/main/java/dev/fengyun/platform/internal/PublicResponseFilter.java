package dev.fengyun.platform.internal;

import dev.fengyun.platform.PublicResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public GETs from {@link PublicResponses} when a copy is there, in front of sessions,
 * security and the concurrency limit; otherwise runs the request and keeps the response if its
 * controller shared it. Honours {@code If-None-Match} against the copy's ETag.
 */
class PublicResponseFilter extends OncePerRequestFilter {

    /** Headers that belong to one exchange, never to a kept copy. */
    private static final Set<String> PER_EXCHANGE =
            Set.of("date", "content-length", "transfer-encoding", "connection", "keep-alive");

    private final PublicResponses responses;

    PublicResponseFilter(PublicResponses responses) {
        this.responses = responses;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getQueryString() != null;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = PublicResponses.key(request);
        PublicResponses.Stored copy = responses.find(key);
        if (copy != null) {
            serve(copy, request, response);
            return;
        }
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        PublicResponses.Stored kept = null;
        try {
            chain.doFilter(request, capture);
            Duration ttl = PublicResponses.sharedFor(request);
            if (ttl != null
                    && capture.getStatus() == HttpServletResponse.SC_OK
                    && !capture.containsHeader(HttpHeaders.SET_COOKIE)) {
                kept = keep(capture, ttl);
            }
        } finally {
            responses.refreshed(key, kept);
        }
        capture.copyBodyToResponse();
    }

    private static PublicResponses.Stored keep(
            ContentCachingResponseWrapper response, Duration ttl) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean typed = false;
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            typed |= lower.equals("content-type");
            if (!PER_EXCHANGE.contains(lower)) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
                }
            }
        }
        if (!typed && response.getContentType() != null) {
            headers.add(
                    new AbstractMap.SimpleImmutableEntry<>(
                            HttpHeaders.CONTENT_TYPE, response.getContentType()));
        }
        return new PublicResponses.Stored(
                List.copyOf(headers),
                response.getContentAsByteArray(),
                System.nanoTime() + ttl.toNanos());
    }

    private static void serve(
            PublicResponses.Stored copy, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (Map.Entry<String, String> header : copy.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        String etag = copy.header(HttpHeaders.ETAG);
        if (etag != null && etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setContentLength(0);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(copy.body().length);
        response.getOutputStream().write(copy.body());
    }
}
