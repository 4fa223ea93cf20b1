package dev.fengyun.platform;

import org.springframework.http.HttpStatus;

/** The caller is known but lacks the permission the operation needs. */
public class Forbidden extends ProblemException {

    public Forbidden(String code, String detail) {
        super(HttpStatus.FORBIDDEN, code, detail);
    }
}
