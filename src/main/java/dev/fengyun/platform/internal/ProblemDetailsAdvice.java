package dev.fengyun.platform.internal;

import dev.fengyun.platform.ProblemException;
import dev.fengyun.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where failures become RFC 9457 problem details: every response carries a stable
 * {@code code}, validation failures name the fields, and nothing internal (stack traces, SQL) leaks
 * out.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> onProblem(ProblemException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(e.status()).body(problem);
    }

    /** Constraint violations raised outside Spring MVC's own parameter validation. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> onConstraintViolation(
            ConstraintViolationException e, HttpServletRequest request) {
        ProblemDetail problem =
                Problems.problem(
                        HttpStatus.BAD_REQUEST,
                        "VALIDATION_FAILED",
                        "The request has invalid parameters.");
        List<Map<String, String>> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = null;
            for (Path.Node node : violation.getPropertyPath()) {
                field = node.getName();
            }
            String code =
                    violation
                            .getConstraintDescriptor()
                            .getAnnotation()
                            .annotationType()
                            .getSimpleName();
            errors.add(fieldError(field, code, violation.getMessage()));
        }
        problem.setProperty("errors", errors);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<ProblemDetail> onDatabaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn(
                "Database unavailable while serving {}: {}",
                request.getRequestURI(),
                e.getMessage());
        ProblemDetail problem =
                Problems.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "SERVICE_UNAVAILABLE",
                        "The service is briefly unavailable. Please retry in a few seconds.");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e, HttpServletRequest request)
            throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security turns these into 401/403 problems
        }
        if (lostTheDatabase(e)) {
            // e.g. the connection broke mid-transaction and the rollback failed as well
            return onDatabaseUnavailable(e, request);
        }
        String errorId = UUID.randomUUID().toString();
        log.error(
                "Unexpected error {} serving {} {}",
                errorId,
                request.getMethod(),
                request.getRequestURI(),
                e);
        ProblemDetail problem =
                Problems.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "INTERNAL_ERROR",
                        "Something went wrong on our side. Quote error id "
                                + errorId
                                + " if you contact us.");
        problem.setProperty("errorId", errorId);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * Whether the database connection is what failed, however the exception was wrapped: a
     * connection-class SQL state (08…) or a transient connection error anywhere in the causes, or
     * in the exception a failed rollback replaced (the pool reports the closed connection of the
     * rollback without a SQL state).
     */
    static boolean lostTheDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException failed
                    && failed.getApplicationException() != null
                    && lostTheDatabase(failed.getApplicationException())) {
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Gives Spring MVC's own exceptions (404, 405, 415, validation, …) a code and field list. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex,
            Object body,
            HttpHeaders headers,
            HttpStatusCode statusCode,
            WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        ProblemDetail problem =
                Problems.problem(status, codeFor(ex, status), detailFor(ex, body, status));
        List<Map<String, String>> errors = fieldErrors(ex);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static String codeFor(Exception ex, HttpStatus status) {
        if (ex instanceof MethodArgumentNotValidException
                || ex instanceof HandlerMethodValidationException
                || ex instanceof MissingServletRequestParameterException
                || ex instanceof MethodArgumentTypeMismatchException
                || ex instanceof MissingRequestHeaderException) {
            return "VALIDATION_FAILED";
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "MALFORMED_REQUEST";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "NOT_ACCEPTABLE";
        }
        if (ex instanceof NoResourceFoundException) {
            return "NOT_FOUND";
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return "PAYLOAD_TOO_LARGE";
        }
        return status.name();
    }

    private static String detailFor(Exception ex, Object body, HttpStatus status) {
        if (ex instanceof MethodArgumentNotValidException) {
            return "The request has invalid fields.";
        }
        if (ex instanceof HandlerMethodValidationException) {
            return "The request has invalid parameters.";
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return databindPath(ex)
                    .map(path -> "The value of '" + path + "' has the wrong type or format.")
                    .orElse("The request body is missing or is not valid JSON.");
        }
        if (ex instanceof NoResourceFoundException) {
            return "No such resource.";
        }
        if (body instanceof ProblemDetail detail && detail.getDetail() != null) {
            return detail.getDetail();
        }
        if (ex instanceof ErrorResponse response && response.getBody().getDetail() != null) {
            return response.getBody().getDetail();
        }
        return status.getReasonPhrase();
    }

    private static List<Map<String, String>> fieldErrors(Exception ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (ex instanceof MethodArgumentNotValidException e) {
            for (FieldError error : e.getBindingResult().getFieldErrors()) {
                errors.add(
                        fieldError(error.getField(), error.getCode(), error.getDefaultMessage()));
            }
            for (ObjectError error : e.getBindingResult().getGlobalErrors()) {
                errors.add(
                        fieldError(
                                error.getObjectName(), error.getCode(), error.getDefaultMessage()));
            }
        } else if (ex instanceof HandlerMethodValidationException e) {
            for (ParameterValidationResult result : e.getParameterValidationResults()) {
                String name = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    String[] codes = error.getCodes();
                    String code =
                            codes == null || codes.length == 0
                                    ? "Invalid"
                                    : codes[codes.length - 1];
                    errors.add(fieldError(name, code, error.getDefaultMessage()));
                }
            }
        } else if (ex instanceof HttpMessageNotReadableException) {
            databindPath(ex)
                    .ifPresent(
                            path ->
                                    errors.add(
                                            fieldError(
                                                    path,
                                                    "TypeMismatch",
                                                    "has the wrong type or format")));
        } else if (ex instanceof MissingServletRequestParameterException e) {
            errors.add(fieldError(e.getParameterName(), "Required", "is required"));
        } else if (ex instanceof MethodArgumentTypeMismatchException e) {
            errors.add(fieldError(e.getName(), "TypeMismatch", "has the wrong type or format"));
        } else if (ex instanceof MissingRequestHeaderException e) {
            errors.add(fieldError(e.getHeaderName(), "Required", "header is required"));
        }
        return errors;
    }

    private static Optional<String> databindPath(Exception ex) {
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return Optional.of(jsonPath(databind));
        }
        return Optional.empty();
    }

    private static Map<String, String> fieldError(String field, String code, String message) {
        return Map.of(
                "field", field == null ? "" : field,
                "code", code == null ? "Invalid" : code,
                "message", message == null ? "is invalid" : message);
    }

    private static String jsonPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
