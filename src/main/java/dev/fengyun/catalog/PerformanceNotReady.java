package dev.fengyun.catalog;

import dev.fengyun.platform.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Publishing was refused; {@code problems} says what to fix first. */
public class PerformanceNotReady extends ProblemException {

    public PerformanceNotReady(List<String> problems) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "PERFORMANCE_NOT_READY",
                "The performance cannot go on sale yet: " + String.join("; ", problems));
        property("problems", List.copyOf(problems));
    }
}
