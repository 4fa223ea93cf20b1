package dev.fengyun.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request is malformed in a way Bean Validation could not express. Rendered like validation
 * errors: 400 with {@code "errors":[{"field","code","message"}]}.
 */
public class InvalidInput extends ProblemException {

    private final List<FieldProblem> errors;

    public InvalidInput(String field, String code, String message) {
        this(List.of(new FieldProblem(field, code, message)));
    }

    public InvalidInput(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", summary(errors));
        this.errors = List.copyOf(errors);
        property(
                "errors",
                this.errors.stream()
                        .map(
                                e ->
                                        Map.of(
                                                "field",
                                                e.field(),
                                                "code",
                                                e.code(),
                                                "message",
                                                e.message()))
                        .toList());
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    private static String summary(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors must not be empty");
        }
        FieldProblem first = errors.get(0);
        return first.field() + ": " + first.message();
    }

    /** One field at fault: its JSON path, a stable code and a human sentence. */
    public record FieldProblem(String field, String code, String message) {}
}
