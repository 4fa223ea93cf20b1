package dev.fengyun.protection.internal;

import dev.fengyun.platform.ProblemResponses;
import dev.fengyun.protection.SaleGuard;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limits right after the client address is known and request metrics started; the waiting
 * room's API right after them, before sessions, security and the concurrency limit.
 */
@Configuration(proxyBeanMethods = false)
class ProtectionFilters {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimits limits, ProblemResponses problems) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits, problems));
        registration.setOrder(Integer.MIN_VALUE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WaitingRoomFilter> waitingRoomFilter(
            WaitingRooms rooms, SaleGuard guard, ProblemResponses problems) {
        FilterRegistrationBean<WaitingRoomFilter> registration =
                new FilterRegistrationBean<>(new WaitingRoomFilter(rooms, guard, problems));
        registration.setOrder(Integer.MIN_VALUE + 3);
        registration.addUrlPatterns(WaitingRoomFilter.PREFIX + "*");
        return registration;
    }
}
