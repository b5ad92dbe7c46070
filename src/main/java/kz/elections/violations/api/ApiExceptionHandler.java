package kz.elections.violations.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the project API's errors into RFC 9457 problem bodies. */
@RestControllerAdvice(basePackages = "kz.elections.violations")
public class ApiExceptionHandler {

    @ExceptionHandler(InvalidRequestException.class)
    public ProblemDetail invalid(InvalidRequestException e, HttpServletRequest request) {
        return invalid(HttpStatus.BAD_REQUEST, e.problems(), request);
    }

    /** The problems as an answer of the status, worded as {@link #worded} says. */
    private static ProblemDetail invalid(HttpStatus status, List<FieldProblem> problems, HttpServletRequest request) {
        Optional<Locale> language = languageAsked(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, language
                .map(asked -> RefusalWording.message(null, problems, asked))
                .orElseGet(() -> InvalidRequestException.describe(problems)));
        problem.setType(URI.create("urn:problem:validation"));
        problem.setTitle("The request breaks one or more rules");
        problem.setProperty("errors", worded(problems, request));
        return problem;
    }

    /**
     * The problems for the request: one whose {@code Accept-Language} asks for Kazakh or Russian first reads
     * the rules of the refusal catalogue in that language (the fields' names stay); English, and no language
     * asked, read the rules as the code words them.
     */
    public static List<FieldProblem> worded(List<FieldProblem> problems, HttpServletRequest request) {
        return languageAsked(request).map(asked -> RefusalWording.problems(problems, asked)).orElse(problems);
    }

    private static Optional<Locale> languageAsked(HttpServletRequest request) {
        return RefusalWording.requested(request.getHeader("Accept-Language"))
                .filter(asked -> !asked.getLanguage().equals("en"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return invalid(HttpStatus.BAD_REQUEST, List.of(FieldProblem.of("$", "body.json",
                "the body must be a JSON object of the documented shape")), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Not allowed");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }
}
