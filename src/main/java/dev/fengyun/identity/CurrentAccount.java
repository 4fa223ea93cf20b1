package dev.fengyun.identity;

import java.io.Serializable;
import java.security.Principal;

/**
 * The signed-in account, as held by a browser session or resolved from an API token. Inject it into
 * a handler with {@code @AuthenticationPrincipal CurrentAccount account}.
 */
public record CurrentAccount(long id, String email, String displayName, boolean platformAdmin)
        implements Principal, Serializable {

    @Override
    public String getName() {
        return email;
    }
}
