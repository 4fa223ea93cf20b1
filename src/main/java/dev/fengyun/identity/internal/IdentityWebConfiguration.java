package dev.fengyun.identity.internal;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.identity.OrganizerContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the organizer role check and lets handlers take an {@link OrganizerContext}. */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration implements WebMvcConfigurer {

    private final IdentityManagement identity;

    IdentityWebConfiguration(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new OrganizerAccessInterceptor(identity));
        registry.addInterceptor(new CurrentAccountModel());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new OrganizerContextResolver());
    }

    /** Pages can show who is signed in: {@code ${currentAccount}} in every rendered view. */
    private static final class CurrentAccountModel implements HandlerInterceptor {

        @Override
        public void postHandle(
                HttpServletRequest request,
                HttpServletResponse response,
                Object handler,
                ModelAndView view) {
            if (view == null
                    || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
                return;
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null
                    && authentication.getPrincipal() instanceof CurrentAccount account) {
                view.addObject("currentAccount", account);
            }
        }
    }

    private static final class OrganizerContextResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == OrganizerContext.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest request,
                WebDataBinderFactory binderFactory) {
            Object context =
                    request.getAttribute(
                            OrganizerAccessInterceptor.CONTEXT_ATTRIBUTE,
                            RequestAttributes.SCOPE_REQUEST);
            if (context == null) {
                throw new IllegalStateException(
                        "OrganizerContext is only available to handlers annotated with @RequiresOrganizerRole");
            }
            return context;
        }
    }
}
