package dev.fengyun.identity.internal;

import dev.fengyun.identity.CurrentAccount;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Builds the Spring Security authentication whose principal is a {@link CurrentAccount}. */
final class AccountAuthentication {

    private AccountAuthentication() {}

    static UsernamePasswordAuthenticationToken of(CurrentAccount account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (account.platformAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return UsernamePasswordAuthenticationToken.authenticated(account, null, authorities);
    }
}
