package dev.fengyun.identity.internal;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.identity.Organizer;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.platform.Forbidden;
import dev.fengyun.platform.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Enforces {@link RequiresOrganizerRole} on every handler addressed through an {@code {org}} path
 * variable. Fails closed: such a handler without the annotation is refused. Callers who are not
 * members get 404 so organizer ids cannot be probed; members with a lesser role get 403.
 */
class OrganizerAccessInterceptor implements HandlerInterceptor {

    static final String ORG_VARIABLE = "org";
    static final String CONTEXT_ATTRIBUTE = OrganizerContext.class.getName();

    private final IdentityManagement identity;

    OrganizerAccessInterceptor(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    public boolean preHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>)
                        request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String slug = variables == null ? null : variables.get(ORG_VARIABLE);
        RequiresOrganizerRole required = method.getMethodAnnotation(RequiresOrganizerRole.class);
        if (slug == null) {
            return true;
        }
        if (required == null) {
            throw new IllegalStateException(
                    method + " is mapped under {org} but lacks @RequiresOrganizerRole");
        }
        CurrentAccount account = currentAccount();
        if (account == null) {
            throw new IllegalStateException(
                    "Organizer paths must require authentication: " + request.getRequestURI());
        }
        NotFound notFound =
                new NotFound(
                        "ORGANIZER_NOT_FOUND", "No organizer '" + slug + "' that you belong to.");
        Organizer organizer = identity.organizer(slug).orElseThrow(() -> notFound);
        OrganizerRole role = identity.roleOf(account, organizer).orElseThrow(() -> notFound);
        if (!role.includes(required.value())) {
            throw new RoleRequired(required.value(), role);
        }
        request.setAttribute(
                CONTEXT_ATTRIBUTE,
                new OrganizerContext(
                        organizer.id(), organizer.slug(), organizer.name(), account, role));
        return true;
    }

    private static CurrentAccount currentAccount() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof CurrentAccount account) {
            return account;
        }
        return null;
    }

    /** 403 naming the role that would have been enough. */
    static class RoleRequired extends Forbidden {
        RoleRequired(OrganizerRole required, OrganizerRole actual) {
            super(
                    "ROLE_REQUIRED",
                    "This needs the "
                            + required
                            + " role on the organizer; you have "
                            + actual
                            + ".");
            property("requiredRole", required.name());
        }
    }
}
