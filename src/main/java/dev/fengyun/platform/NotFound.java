package dev.fengyun.platform;

import org.springframework.http.HttpStatus;

/** The addressed resource does not exist, or the caller may not know that it does. */
public class NotFound extends ProblemException {

    public NotFound(String code, String detail) {
        super(HttpStatus.NOT_FOUND, code, detail);
    }
}
