package kz.elections.violations.cases;

import static kz.elections.violations.cases.CaseVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.sanctions.FinePricing;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every user task of ViolationCase. Tasklist forms and REST clients may send any
 * value; the server checks each variable the task sets (its type, allowed values, what a fine needs)
 * and refuses the completion naming the field, so that a refused completion changes nothing.
 */
@Component("taskCompletionRules")
public class TaskCompletionRules {

    private final RegistrationFreeze freeze;
    private final FinePricing finePricing;

    public TaskCompletionRules(RegistrationFreeze freeze, FinePricing finePricing) {
        this.freeze = freeze;
        this.finePricing = finePricing;
    }

    public void check(DelegateTask task) {
        List<FieldProblem> problems = new ArrayList<>();
        switch (task.getTaskDefinitionKey()) {
            case "Task_CheckFact" -> requireBoolean(task, FACT_CONFIRMED, problems);
            case "Task_DecideConsent" -> requireBoolean(task, CONSENT_GRANTED, problems);
            case "Task_RecordCourtRuling" -> checkCourtRuling(task, problems);
            case "Task_RecordAppealDecision" -> requireBoolean(task, APPEAL_UPHELD, problems);
            case "Task_CancelRegistration", "Task_RestoreRegistration" -> checkRegistrationDecision(task, problems);
            default -> { }
        }
        if (!problems.isEmpty()) {
            throw new CaseRuleViolation("The task was not completed: ", problems);
        }
    }

    private void checkCourtRuling(DelegateTask task, List<FieldProblem> problems) {
        Object outcome = task.getVariable(RULING_OUTCOME);
        List<String> outcomes = List.of("FINE", "WARNING", "DISMISSED");
        if (!(outcome instanceof String) || !outcomes.contains(outcome)) {
            problems.add(new FieldProblem(RULING_OUTCOME, "is required and must be one of " + outcomes
                    + (outcome == null ? "" : ", got " + describe(outcome))));
        }
        LocalDate rulingDate = rulingDate(task, problems);
        Object fine = task.getVariable(FINE_MCI);
        Object abbreviated = task.getVariable(ABBREVIATED_PROCEDURE);
        if (abbreviated != null && !(abbreviated instanceof Boolean)) {
            problems.add(new FieldProblem(ABBREVIATED_PROCEDURE, "must be true or false, got " + describe(abbreviated)));
        }
        if ("FINE".equals(outcome)) {
            if (fine == null) {
                problems.add(new FieldProblem(FINE_MCI, "is required for a fine (the amount in MCI)"));
            } else if (!(fine instanceof Number number) || new BigDecimal(number.toString()).signum() <= 0) {
                problems.add(new FieldProblem(FINE_MCI, "must be a positive number of MCI, got " + describe(fine)));
            } else if (problems.isEmpty()) {
                priceFine(task, new BigDecimal(fine.toString()), problems);
            }
            if (abbreviated == null) {
                problems.add(new FieldProblem(ABBREVIATED_PROCEDURE,
                        "is required for a fine: true when the offender admitted guilt (abbreviated procedure)"));
            }
        } else if (fine != null && outcome instanceof String) {
            problems.add(new FieldProblem(FINE_MCI, "only a fine has an amount; leave it empty for " + outcome));
        }
        if (problems.isEmpty() && rulingDate != null) {
            task.setVariable(RULING_DATE, rulingDate.toString());
        }
    }

    private LocalDate rulingDate(DelegateTask task, List<FieldProblem> problems) {
        Object value = task.getVariable(RULING_DATE);
        ZoneId zone = freeze.election((String) task.getVariable(ELECTION_ID)).zone();
        LocalDate date;
        if (value instanceof Date instant) {
            date = LocalDate.ofInstant(instant.toInstant(), zone);
        } else if (value instanceof String text) {
            try {
                date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(RULING_DATE, "must be an ISO date such as 2023-03-10, got " + describe(value)));
                return null;
            }
        } else {
            problems.add(new FieldProblem(RULING_DATE, "is required: the date of the court's ruling"));
            return null;
        }
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        if (date.isAfter(today)) {
            problems.add(new FieldProblem(RULING_DATE, "must not be in the future (today is " + today + ")"));
        }
        Object committedOn = task.getVariable(COMMITTED_ON);
        if (committedOn instanceof String text && date.isBefore(LocalDate.parse(text))) {
            problems.add(new FieldProblem(RULING_DATE, "must not be before the offence was committed (" + text + ")"));
        }
        return date;
    }

    private void priceFine(DelegateTask task, BigDecimal fineMci, List<FieldProblem> problems) {
        try {
            LocalDate committedOn = LocalDate.parse((String) task.getVariable(COMMITTED_ON));
            task.setVariable(FINE_TENGE, finePricing.toTenge(fineMci, committedOn));
        } catch (FinePricing.MissingMciRateException e) {
            problems.add(new FieldProblem(FINE_MCI, e.getMessage()));
        }
    }

    private void checkRegistrationDecision(DelegateTask task, List<FieldProblem> problems) {
        Object number = task.getVariable(DECISION_NUMBER);
        if (!(number instanceof String text) || text.isBlank()) {
            problems.add(new FieldProblem(DECISION_NUMBER, "is required: the number of the commission's decision"
                    + (number == null ? "" : ", got " + describe(number))));
        }
        String electionId = (String) task.getVariable(ELECTION_ID);
        if (freeze.isInForce(electionId)) {
            problems.add(new FieldProblem("registration", "refused because " + freeze.describe(electionId)
                    + "; the task will be withdrawn when the freeze timer runs"));
        }
    }

    private static void requireBoolean(DelegateTask task, String name, List<FieldProblem> problems) {
        Object value = task.getVariable(name);
        if (!(value instanceof Boolean)) {
            problems.add(new FieldProblem(name, "is required and must be true or false"
                    + (value == null ? "" : ", got " + describe(value))));
        }
    }

    private static String describe(Object value) {
        return value instanceof String ? "the text \"" + value + "\"" : value.getClass().getSimpleName() + " " + value;
    }
}
