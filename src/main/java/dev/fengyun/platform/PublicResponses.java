package dev.fengyun.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Copies of public GET responses, kept for a fraction of a second and served without running the
 * request through sessions, security and the controller again. In an on-sale every buyer polls the
 * same performance and seat map; such a read then costs a map lookup and a write.
 *
 * <p>A controller opts a response in with {@link #share}, saying for how long the copy may be
 * served; only 200 responses without cookies are kept, keyed by path and encoding (requests with a
 * query string are never served from here). A module that changes what such a response shows calls
 * {@link #forget} so this instance stops serving the old copy at once; other instances' copies
 * expire by themselves.
 */
@Component
public class PublicResponses {

    private static final String SHARE = PublicResponses.class.getName() + ".share";
    private static final int MAX_ENTRIES = 2_000;
    private static final String GZIP_SUFFIX = " gzip";

    private final Map<String, Stored> responses = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshing = new ConcurrentHashMap<>();

    /**
     * Lets the response to this request be served to others for {@code ttl}. Only for responses
     * that do not depend on who asks.
     */
    public static void share(HttpServletRequest request, Duration ttl) {
        request.setAttribute(SHARE, ttl);
    }

    /** How long the response to this request may be served to others; null: not at all. */
    public static Duration sharedFor(HttpServletRequest request) {
        return request.getAttribute(SHARE) instanceof Duration ttl ? ttl : null;
    }

    /**
     * Whether the client takes a gzip-compressed body ({@code Accept-Encoding} names gzip without
     * {@code q=0}). Copies are kept per path and encoding.
     */
    public static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** Under what a response to this request is kept: its path, and whether it may be gzipped. */
    public static String key(HttpServletRequest request) {
        return acceptsGzip(request)
                ? request.getRequestURI() + GZIP_SUFFIX
                : request.getRequestURI();
    }

    /** Drops the copies of a path and of every path below it, in every encoding. */
    public void forget(String path) {
        responses
                .keySet()
                .removeIf(
                        key ->
                                key.equals(path)
                                        || key.equals(path + GZIP_SUFFIX)
                                        || key.startsWith(path + "/"));
    }

    /**
     * The copy to serve for a {@link #key}: a fresh one, or while one caller refreshes an expired
     * copy, the expired one to everybody else. Null means: run the request, then call {@link
     * #refreshed}.
     */
    public Stored find(String key) {
        Stored stored = responses.get(key);
        if (stored == null) {
            return null;
        }
        if (System.nanoTime() < stored.expiresAt()) {
            return stored;
        }
        return refreshing.putIfAbsent(key, Boolean.TRUE) == null ? null : stored;
    }

    /**
     * The outcome of running a request for a {@link #key}: a copy to keep, or null to keep none.
     */
    public void refreshed(String key, Stored response) {
        try {
            if (response == null) {
                responses.remove(key);
                return;
            }
            if (responses.size() >= MAX_ENTRIES) {
                responses.clear();
            }
            responses.put(key, response);
        } finally {
            refreshing.remove(key);
        }
    }

    /** A kept response: its headers (name, value pairs), body, and when it expires (nanoTime). */
    public record Stored(List<Map.Entry<String, String>> headers, byte[] body, long expiresAt) {

        public String header(String name) {
            for (Map.Entry<String, String> header : headers) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }
}
