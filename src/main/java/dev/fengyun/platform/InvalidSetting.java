package dev.fengyun.platform;

/**
 * A configuration variable holds a value the service cannot run with. The message is one line that
 * names the variable and what it expects, e.g. {@code FENGYUN_ADMIN_PASSWORD must be at least 12
 * characters}; start-up reports exactly that line and exits non-zero.
 */
public class InvalidSetting extends RuntimeException {

    private final String variable;

    public InvalidSetting(String variable, String expectation) {
        super(variable + " " + expectation);
        this.variable = variable;
    }

    /** The environment variable at fault, e.g. {@code FENGYUN_DB_URL}. */
    public String variable() {
        return variable;
    }
}
