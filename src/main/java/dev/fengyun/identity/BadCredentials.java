package dev.fengyun.identity;

import dev.fengyun.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** E-mail and password do not match an account. Deliberately silent about which was wrong. */
public class BadCredentials extends ProblemException {

    public BadCredentials() {
        super(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "E-mail or password is wrong.");
    }
}
