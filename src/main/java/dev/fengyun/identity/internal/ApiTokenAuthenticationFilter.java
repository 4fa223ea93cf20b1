package dev.fengyun.identity.internal;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer fyk_…} API tokens for the current request only
 * (nothing goes into a session). Other bearer values, such as order access tokens, pass through
 * untouched for the handlers that understand them; an invalid {@code fyk_} token is a 401.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final IdentityManagement identity;
    private final ProblemResponses problems;

    ApiTokenAuthenticationFilter(IdentityManagement identity, ProblemResponses problems) {
        this.identity = identity;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !header.substring(BEARER.length())
                        .trim()
                        .startsWith(IdentityManagement.TOKEN_PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CurrentAccount> account =
                identity.accountForToken(header.substring(BEARER.length()).trim());
        if (account.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "INVALID_TOKEN",
                    "The API token is unknown, expired or revoked.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(AccountAuthentication.of(account.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
