package dev.fengyun.inventory;

import dev.fengyun.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The performance is not selling now (not yet, paused, over or cancelled). */
public class SalesNotOpen extends ProblemException {

    public SalesNotOpen(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "SALES_NOT_OPEN", detail);
    }
}
