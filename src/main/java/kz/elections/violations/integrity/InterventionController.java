package kz.elections.violations.integrity;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators' interventions in cases, for auditors and administrators. */
@RestController
@RequestMapping("/api/interventions")
class InterventionController {

    private static final int MAX_PAGE = 1_000;

    private final Interventions interventions;
    private final CurrentUser currentUser;

    InterventionController(Interventions interventions, CurrentUser currentUser) {
        this.interventions = interventions;
        this.currentUser = currentUser;
    }

    /** Newest first; {@code caseNumber}, {@code from} and {@code to} (ISO instants, to exclusive) filter. */
    @GetMapping
    List<Interventions.Intervention> list(@RequestParam(required = false) String caseNumber,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(defaultValue = "200") int limit) {
        currentUser.requireAnyOf(CurrentUser.AUDITORS);
        List<FieldProblem> problems = new ArrayList<>();
        Instant since = instant("from", from, problems);
        Instant until = instant("to", to, problems);
        if (limit < 1 || limit > MAX_PAGE) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_PAGE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return interventions.list(caseNumber == null || caseNumber.isBlank() ? null : caseNumber, since, until, limit);
    }

    /** The numbers of the cases that had at least one intervention. */
    @GetMapping("/cases")
    List<String> cases() {
        currentUser.requireAnyOf(CurrentUser.AUDITORS);
        return interventions.caseNumbers();
    }

    private static Instant instant(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant such as 2023-03-01T00:00:00Z"));
            return null;
        }
    }
}
