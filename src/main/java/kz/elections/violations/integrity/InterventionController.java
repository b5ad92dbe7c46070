package kz.elections.violations.integrity;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.model.CaseVariables;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
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
    private final HistoryService history;
    private final Duration noticeValidity;

    InterventionController(Interventions interventions, CurrentUser currentUser, HistoryService history,
                           @Value("${integrity.notice-validity:PT1H}") Duration noticeValidity) {
        this.interventions = interventions;
        this.currentUser = currentUser;
        this.history = history;
        this.noticeValidity = noticeValidity;
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

    /** A reason given ahead for the repairs of one case in Cockpit (admins), valid for a while. */
    record NoticeRequest(String caseNumber, String reason) {
    }

    record Notice(String caseNumber, String reason, Instant expiresAt) {
    }

    @PostMapping("/notices")
    @ResponseStatus(HttpStatus.CREATED)
    Notice notice(@RequestBody NoticeRequest request) {
        currentUser.requireAdmin();
        List<FieldProblem> problems = new ArrayList<>();
        String caseNumber = request.caseNumber() == null ? "" : request.caseNumber().strip();
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (caseNumber.isEmpty()) {
            problems.add(new FieldProblem("caseNumber", "is required"));
        }
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "is required: why the case is repaired outside its process"));
        } else if (EngineApiGate.brokenRule(reason) != null) {
            problems.add(new FieldProblem("reason", EngineApiGate.brokenRule(reason)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String instanceId = currentUser.withoutEngineChecks(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaseVariables.PROCESS_KEY).processInstanceBusinessKey(caseNumber)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
                .map(instance -> instance.getId()).orElseThrow(() -> new NotFoundException("No case with number "
                        + caseNumber)));
        Instant expiresAt = ClockUtil.getCurrentTime().toInstant().plus(noticeValidity);
        interventions.notice(currentUser.id(), instanceId, caseNumber, reason, expiresAt);
        return new Notice(caseNumber, reason, expiresAt);
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
