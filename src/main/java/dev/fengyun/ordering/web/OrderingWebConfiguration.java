package dev.fengyun.ordering.web;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets order handlers take an {@link OrderAccess} parameter. */
@Configuration(proxyBeanMethods = false)
class OrderingWebConfiguration implements WebMvcConfigurer {

    static {
        // Resolved from headers, cookies and the session, not from request parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(OrderAccess.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new OrderAccess.Resolver());
    }
}
