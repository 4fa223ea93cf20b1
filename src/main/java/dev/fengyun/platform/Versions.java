package dev.fengyun.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency for resources that carry a {@code version}: responses send it as an {@code
 * ETag}; a write may state the version it was based on, either as {@code If-Match} (a mismatch is
 * 412) or as {@code "version"} in the body (a mismatch is 409).
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d+)\"$");

    private Versions() {}

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version a write expects, or null when the client stated none. */
    public static Expected expected(String ifMatch, Integer bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
            Matcher matcher = ETAG.matcher(ifMatch.trim());
            if (!matcher.matches()) {
                throw new InvalidInput(
                        "If-Match", "Pattern", "must be an ETag from this API, like \"3\"");
            }
            return new Expected(Integer.parseInt(matcher.group(1)), true);
        }
        return bodyVersion == null ? null : new Expected(bodyVersion, false);
    }

    /** A version a write was based on, and whether it came from {@code If-Match}. */
    public record Expected(int version, boolean fromHeader) {

        /** Throws the right failure when the stored version moved on. */
        public void check(int current) {
            if (current == version) {
                return;
            }
            if (fromHeader) {
                throw new Stale(
                        HttpStatus.PRECONDITION_FAILED,
                        "PRECONDITION_FAILED",
                        "The resource changed since you read it (now version "
                                + current
                                + "); reload it.",
                        current);
            }
            throw new Stale(
                    HttpStatus.CONFLICT,
                    "STALE_VERSION",
                    "The resource changed since you read it (now version "
                            + current
                            + "); reload it.",
                    current);
        }
    }

    /** A write based on an outdated version. */
    public static class Stale extends ProblemException {
        Stale(HttpStatus status, String code, String detail, int current) {
            super(status, code, detail);
            property("currentVersion", current);
        }
    }
}
