package dev.fengyun.payment;

import dev.fengyun.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A payment callback that is not provably from the provider. Nothing is recorded. */
public class InvalidCallback extends ProblemException {

    public InvalidCallback(String detail) {
        super(HttpStatus.UNAUTHORIZED, "INVALID_CALLBACK", detail);
    }
}
