package dev.fengyun.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure a client can act on. It becomes an RFC 9457 problem-details response with the given
 * status, a stable machine-readable {@code code} and any extra properties (e.g. the seats that were
 * taken). Modules subclass it with names that say what went wrong.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ProblemException(HttpStatus status, String code, String detail) {
        // An expected outcome, answered to the client: no stack trace (costly during a rush).
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** Adds an extra member to the problem document. */
    protected final void property(String name, Object value) {
        properties.put(name, value);
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable upper-snake-case code such as {@code SEATS_UNAVAILABLE}. */
    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
