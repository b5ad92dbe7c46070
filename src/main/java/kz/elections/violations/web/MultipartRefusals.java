package kz.elections.violations.web;

import java.net.URI;
import java.util.List;

import kz.elections.violations.api.FieldProblem;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart upload that breaks Spring's multipart limits ({@code spring.servlet.multipart.max-file-size},
 * {@code max-request-size}) is 413 naming them, and one that cannot be read as multipart/form-data is 400:
 * both are the sender's, never a 500. Spring reads the parts before it picks a controller, so this advice
 * applies to every handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartRefusals {

    private final MultipartProperties limits;

    MultipartRefusals(MultipartProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "A file here may be at most " + limits.getMaxFileSize().toBytes() + " bytes"
                        + " (spring.servlet.multipart.max-file-size) and a request at most "
                        + limits.getMaxRequestSize().toBytes() + " bytes (spring.servlet.multipart.max-request-size)");
        problem.setType(URI.create("urn:problem:payload-too-large"));
        problem.setTitle("The request body is too large");
        return problem;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "file: the body must be multipart/form-data of the documented parts");
        problem.setType(URI.create(ProblemAnswer.VALIDATION));
        problem.setTitle("The request breaks one or more rules");
        problem.setProperty("errors", List.of(new FieldProblem("file",
                "the body must be multipart/form-data of the documented parts")));
        return problem;
    }
}
