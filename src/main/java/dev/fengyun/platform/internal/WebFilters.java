package dev.fengyun.platform.internal;

import dev.fengyun.platform.ProblemResponses;
import dev.fengyun.platform.PublicResponses;
import dev.fengyun.platform.Settings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Servlet filters of the platform: shared copies of public reads and the concurrency limit in front
 * of everything, and the Idempotency-Key filter after Spring Security, so callers are known.
 */
@Configuration(proxyBeanMethods = false)
class WebFilters {

    /** First of all, so everything after it sees the real client address and scheme. */
    @Bean
    FilterRegistrationBean<ForwardedHeadersFilter> forwardedHeadersFilter(Settings settings) {
        TrustedProxies proxies =
                TrustedProxies.parse(
                        settings.text(TrustedProxies.VARIABLE, TrustedProxies.DEFAULT));
        FilterRegistrationBean<ForwardedHeadersFilter> registration =
                new FilterRegistrationBean<>(new ForwardedHeadersFilter(proxies));
        registration.setOrder(Integer.MIN_VALUE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimitFilter(
            Settings settings, DatabaseSettings database, ProblemResponses problems) {
        // As many as the pool has connections: admitted requests then rarely wait for one, and
        // the waiting happens here, in arrival order, instead of in the pool, which is not fair.
        int limit =
                settings.integer(
                        "FENGYUN_MAX_CONCURRENT_REQUESTS",
                        Math.max(4, database.poolSize()),
                        4,
                        10_000);
        long waitMillis =
                settings.duration("FENGYUN_MAX_QUEUE_WAIT", java.time.Duration.ofSeconds(30))
                        .toMillis();
        FilterRegistrationBean<ConcurrencyLimitFilter> registration =
                new FilterRegistrationBean<>(
                        new ConcurrencyLimitFilter(limit, waitMillis, problems));
        registration.setOrder(Integer.MIN_VALUE + 10);
        return registration;
    }

    /** After the request metrics, before sessions, security and the concurrency limit. */
    @Bean
    FilterRegistrationBean<PublicResponseFilter> publicResponseFilter(PublicResponses responses) {
        FilterRegistrationBean<PublicResponseFilter> registration =
                new FilterRegistrationBean<>(new PublicResponseFilter(responses));
        registration.setOrder(Integer.MIN_VALUE + 5);
        registration.addUrlPatterns("/api/v1/public/*");
        return registration;
    }

    @Bean
    IdempotencyFilter idempotencyFilter(
            IdempotencyKeys keys, ProblemResponses problems, JsonMapper json) {
        return new IdempotencyFilter(keys, problems, json);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(
            IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*", "/demo-gateway/*");
        return registration;
    }
}
