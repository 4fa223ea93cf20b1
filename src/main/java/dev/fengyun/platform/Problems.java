package dev.fengyun.platform;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents every error response uses. */
public final class Problems {

    private Problems() {}

    /**
     * A problem with a stable {@code code} member; its {@code type} is a URN derived from the code
     * (e.g. {@code urn:fengyun:problem:seats-unavailable}).
     */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    public static URI type(String code) {
        return URI.create("urn:fengyun:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
