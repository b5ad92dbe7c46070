package kz.elections.violations.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.MultipartConfigElement;
import kz.elections.violations.api.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart upload over the servlet's multipart limits (the largest upload any route takes, see
 * {@link LargeUpload}) is 413 naming them, and one that cannot be read as multipart/form-data is 400:
 * both are the sender's, never a 500. Spring reads the parts before it picks a controller, so this advice
 * applies to every handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartRefusals {

    private final MultipartConfigElement limits;

    MultipartRefusals(MultipartConfigElement limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "A multipart request here may be at most " + limits.getMaxRequestSize() + " bytes (the largest "
                        + "upload a route takes: evidence.max-file-size, complaints.files.*); each route "
                        + "refuses what is over its own limit");
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
