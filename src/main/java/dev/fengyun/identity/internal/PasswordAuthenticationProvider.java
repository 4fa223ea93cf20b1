package dev.fengyun.identity.internal;

import dev.fengyun.identity.IdentityManagement;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Browser sign-in: checks e-mail and password against the accounts table. */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final IdentityManagement identity;

    PasswordAuthenticationProvider(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        return identity.authenticate(email, password)
                .map(AccountAuthentication::of)
                .orElseThrow(() -> new BadCredentialsException("E-mail or password is wrong."));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
