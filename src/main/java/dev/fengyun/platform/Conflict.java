package dev.fengyun.platform;

import org.springframework.http.HttpStatus;

/** The request is valid but clashes with the current state (e.g. a duplicate slug). */
public class Conflict extends ProblemException {

    public Conflict(String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }
}
