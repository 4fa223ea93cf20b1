package dev.fengyun.ordering.web;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.ordering.Checkout;
import dev.fengyun.ordering.Order;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a request shows to get at the order in its {@code {code}} path: the order's access token or
 * a pass (the {@code Authorization} header, else {@code access_token} in the query, else the
 * browser's pass cookie {@code fy_pass_<code>}), and the signed-in account. Handlers take it as a
 * parameter; {@link Checkout} decides whether it is enough.
 */
record OrderAccess(String credential, Long accountId) {

    static final String PASS_COOKIE = "fy_pass_";

    Order order(Checkout checkout, String code) {
        return checkout.order(code, credential, accountId);
    }

    /** Resolves {@link OrderAccess} handler parameters. */
    static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == OrderAccess.class;
        }

        @Override
        public OrderAccess resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest webRequest,
                WebDataBinderFactory binders) {
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            return new OrderAccess(credential(request), accountId());
        }

        private static String credential(HttpServletRequest request) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return authorization.substring(7).trim();
            }
            String query = request.getParameter("access_token");
            if (query != null && !query.isBlank()) {
                return query;
            }
            @SuppressWarnings("unchecked")
            Map<String, String> variables =
                    (Map<String, String>)
                            request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String code = variables == null ? null : variables.get("code");
            if (code != null && request.getCookies() != null) {
                for (Cookie cookie : request.getCookies()) {
                    if (cookie.getName().equals(PASS_COOKIE + code)) {
                        return cookie.getValue();
                    }
                }
            }
            return null;
        }

        private static Long accountId() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null
                            && authentication.getPrincipal() instanceof CurrentAccount account
                    ? account.id()
                    : null;
        }
    }
}
