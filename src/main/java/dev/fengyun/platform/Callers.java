package dev.fengyun.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;

/**
 * Who is calling, before Spring Security has looked: a digest of the credential the request carries
 * (its {@code Authorization} header, else its session cookie), for filters that key something by
 * caller (idempotency keys, rate limits) without a database lookup.
 */
public final class Callers {

    private Callers() {}

    /** A hex digest of the request's credential, or null for a caller without one. */
    public static String credentialDigest(HttpServletRequest request) {
        String credential = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (credential == null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if ("SESSION".equals(cookie.getName())) {
                    credential = "session:" + cookie.getValue();
                }
            }
        }
        return credential == null
                ? null
                : HexFormat.of().formatHex(Digests.sha256(credential), 0, 16);
    }
}
