package dev.fengyun.protection.internal;

import dev.fengyun.platform.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

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
            WaitingRooms rooms, ProblemResponses problems, MeterRegistry meters) {
        FilterRegistrationBean<WaitingRoomFilter> registration =
                new FilterRegistrationBean<>(new WaitingRoomFilter(rooms, problems, meters));
        registration.setOrder(Integer.MIN_VALUE + 3);
        registration.addUrlPatterns(WaitingRoomFilter.PREFIX + "*");
        return registration;
    }

    /**
     * Waiting-room requests are the most frequent of a protected on-sale and a poll costs a few
     * microseconds; a full HTTP observation would cost more than the poll. They are counted by the
     * filter instead ({@code fengyun.waiting_room.requests}).
     */
    @Bean
    ObservationPredicate waitingRoomRequestsAreCountedNotTimed() {
        return (name, context) ->
                !(context instanceof ServerRequestObservationContext request
                        && request.getCarrier()
                                .getRequestURI()
                                .startsWith(WaitingRoomFilter.PREFIX));
    }
}
