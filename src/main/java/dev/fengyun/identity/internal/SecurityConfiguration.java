package dev.fengyun.identity.internal;

import static org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.platform.ProblemResponses;
import dev.fengyun.storage.ObjectStore;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Who may call what. Browser pages use a session (stored in PostgreSQL, shared by all instances)
 * and CSRF tokens; API clients send {@code Authorization: Bearer} tokens. Errors for API calls are
 * problem details; pages redirect to the sign-in form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String SESSION_COOKIE = "SESSION";

    /**
     * Scripts and styles come only from this origin, nothing may frame our pages, and forms post
     * only back to us. Inline styles are allowed for SVG seat maps and Swagger UI. Images may also
     * come from the object storage's origin (posters behind presigned S3 URLs).
     */
    static String contentSecurityPolicy(String extraImageOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:"
                + (extraImageOrigin == null ? "" : " " + extraImageOrigin)
                + "; font-src 'self'; connect-src 'self'; "
                + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String[] PUBLIC_AUTH_ENDPOINTS = {
        "/api/v1/auth/register", "/api/v1/auth/tokens"
    };
    private static final String[] SIGNED_IN_ONLY = {
        "/api/v1/auth/**",
        "/api/v1/me",
        "/api/v1/me/**",
        "/api/v1/organizers",
        "/api/v1/organizers/**",
        "/console",
        "/console/**",
        "/scan"
    };
    private static final long ONE_YEAR = 31_536_000;

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            IdentityManagement identity,
            ProblemResponses problems,
            ObjectStore objects)
            throws Exception {
        String contentSecurityPolicy = contentSecurityPolicy(objects.publicOrigin().orElse(null));
        http.authorizeHttpRequests(
                        auth ->
                                auth.requestMatchers(HttpMethod.POST, PUBLIC_AUTH_ENDPOINTS)
                                        .permitAll()
                                        .requestMatchers(SIGNED_IN_ONLY)
                                        .authenticated()
                                        .anyRequest()
                                        .permitAll())
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(identity, problems),
                        UsernamePasswordAuthenticationFilter.class)
                .formLogin(
                        form ->
                                form.loginPage("/login")
                                        .usernameParameter("email")
                                        .failureUrl("/login?error")
                                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/").deleteCookies(SESSION_COOKIE))
                .csrf(
                        csrf ->
                                csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                                        .requireCsrfProtectionMatcher(
                                                SecurityConfiguration::needsCsrfToken))
                .requestCache(cache -> cache.requestCache(pagesOnlyRequestCache()))
                .exceptionHandling(
                        errors ->
                                errors.defaultAuthenticationEntryPointFor(
                                                apiEntryPoint(problems),
                                                SecurityConfiguration::isApi)
                                        .defaultAuthenticationEntryPointFor(
                                                new LoginUrlAuthenticationEntryPoint("/login"),
                                                request -> true)
                                        .accessDeniedHandler(accessDenied(problems)))
                .headers(
                        headers ->
                                headers.contentSecurityPolicy(
                                                csp -> csp.policyDirectives(contentSecurityPolicy))
                                        .frameOptions(frame -> frame.deny())
                                        .referrerPolicy(
                                                referrer ->
                                                        referrer.policy(
                                                                STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                                        .httpStrictTransportSecurity(
                                                hsts ->
                                                        hsts.includeSubDomains(true)
                                                                .maxAgeInSeconds(ONE_YEAR)));
        return http.build();
    }

    /** API callers get a 401 problem; pages are redirected to the sign-in form instead. */
    private static AuthenticationEntryPoint apiEntryPoint(ProblemResponses problems) {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "UNAUTHENTICATED",
                    "Sign in or send an API token (Authorization: Bearer …).");
        };
    }

    private static AccessDeniedHandler accessDenied(ProblemResponses problems) {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                problems.write(
                        request,
                        response,
                        HttpStatus.FORBIDDEN,
                        "CSRF_TOKEN_INVALID",
                        "The form expired or came from another site. Reload the page and try again.");
            } else {
                problems.write(
                        request,
                        response,
                        HttpStatus.FORBIDDEN,
                        "FORBIDDEN",
                        "You may not do this.");
            }
        };
    }

    /** Remembers only page visits for after sign-in, so API calls never create sessions. */
    private static RequestCache pagesOnlyRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(
                request -> HttpMethod.GET.matches(request.getMethod()) && !isApi(request));
        return cache;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
                || path.startsWith("/actuator/")
                || path.startsWith("/v3/api-docs");
    }

    /**
     * A CSRF token is needed for unsafe requests that a browser could send with ambient
     * credentials. Requests carrying an Authorization header, and API calls without a session
     * cookie, have no ambient authority to abuse and are exempt.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean apiLike = path.startsWith("/api/") || path.startsWith("/demo-gateway/");
        return !apiLike || hasSessionCookie(request);
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
