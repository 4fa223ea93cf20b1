package dev.fengyun.platform.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** All timestamps are taken from this clock, in UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
