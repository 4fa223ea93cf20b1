package dev.fengyun.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a trusted proxy ({@link TrustedProxies}), the request's client address comes from {@code
 * X-Forwarded-For} and its scheme from {@code X-Forwarded-Proto}; from anyone else both headers are
 * ignored and the socket is the truth. Everything after this filter (rate limits, HSTS, audit)
 * reads {@code getRemoteAddr()} and {@code isSecure()} and gets the right answer.
 */
class ForwardedHeadersFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;

    ForwardedHeadersFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String socket = request.getRemoteAddr();
        boolean forwarded =
                request.getHeader("X-Forwarded-For") != null
                        || request.getHeader("X-Forwarded-Proto") != null;
        if (!forwarded || !proxies.trusts(socket)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop);
            }
        }
        String client = hops.isEmpty() ? socket : proxies.client(socket, hops);
        String proto = request.getHeader("X-Forwarded-Proto");
        boolean https =
                proto == null
                        ? request.isSecure()
                        : proto.split(",")[0].trim().equalsIgnoreCase("https");
        chain.doFilter(new Forwarded(request, client, https), response);
    }

    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String client;
        private final boolean https;

        Forwarded(HttpServletRequest request, String client, boolean https) {
            super(request);
            this.client = client;
            this.https = https;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return https;
        }

        @Override
        public String getScheme() {
            return https ? "https" : super.getScheme();
        }
    }
}
