package dev.fengyun.platform.internal;

import dev.fengyun.platform.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Registers the Idempotency-Key filter after Spring Security, so callers are known. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

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
