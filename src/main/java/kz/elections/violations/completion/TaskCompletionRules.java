package kz.elections.violations.completion;

import kz.elections.violations.model.RulingOutcome;
import kz.elections.violations.api.CaseRuleViolation;
import kz.elections.violations.freeze.RegistrationFreeze;
import static kz.elections.violations.model.CaseVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.TextLimits;
import kz.elections.violations.sanctions.FinePricing;
import kz.elections.violations.sanctions.OffenceCatalogue;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The completion rules of ViolationCase's user tasks. Each user task names its own rules where it is
 * declared, in the BPMN: a complete listener {@code ${taskCompletionRules.<rules>(task)}}, one method per
 * kind of task below, so that renaming a task or adding one in Modeler cannot switch its checks off;
 * {@code deployment.DeploymentReferenceCheck} refuses a user task without such a listener. Tasklist forms
 * and REST clients may send any value; each rule checks the variables the task sets (type, allowed values,
 * what a fine needs) and refuses the completion naming the field, so a refused completion changes nothing.
 * <p>
 * {@link #check(DelegateTask)} serves the process versions deployed before the rules were bound per task
 * (their listeners call it for every task): it dispatches on the task id and refuses a task it does not know.
 */
@Component("taskCompletionRules")
public class TaskCompletionRules {

    /** The rule methods a BPMN complete listener may name. */
    public static final java.util.Set<String> RULES = java.util.Set.of("checkFact", "decideConsent", "courtRuling",
            "appealDecision", "registrationDecision", "decisionNumber", "investigation", "nothingToRecord");

    /** How a refusal names the reason: the completion's variable, as the engine REST API's body has it. */
    static final String REASON_FIELD = "variables." + REASON;

    /** The ruling's date as staff type it (dd.MM.yyyy); ISO dates are accepted as well. */
    private static final java.time.format.DateTimeFormatter DAY_MONTH_YEAR = java.time.format.DateTimeFormatter
            .ofPattern("dd.MM.uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final java.util.regex.Pattern DAY_MONTH_YEAR_SHAPE =
            java.util.regex.Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}");

    private final RegistrationFreeze freeze;
    private final FinePricing finePricing;
    private final OffenceCatalogue catalogue;

    public TaskCompletionRules(RegistrationFreeze freeze, FinePricing finePricing, OffenceCatalogue catalogue) {
        this.freeze = freeze;
        this.finePricing = finePricing;
        this.catalogue = catalogue;
    }

    /**
     * Task_CheckFact: confirmed or not, and what a possible duplicate is. A fact not confirmed, or confirmed
     * as the same violation as an open case, closes this case: the completion carries a reason.
     */
    public void checkFact(DelegateTask task) {
        refuseIfAny(task, problems -> {
            Boolean confirmed = booleanChoice(task, FACT_CONFIRMED, problems);
            checkDuplicateResolution(task, problems);
            boolean linked = Boolean.TRUE.equals(confirmed) && hasPossibleDuplicates(task)
                    && "LINKED".equals(task.getVariable(DUPLICATE_RESOLUTION));
            if (confirmed != null) {
                decided(task, !confirmed ? "NOT_CONFIRMED" : linked ? "LINKED" : "CONFIRMED",
                        !confirmed || linked, linked ? DUPLICATE_REASON : FACT_REASON, problems);
            }
        });
    }

    /** Task_DecideConsent: the CEC's consent, given or refused (a refusal closes the case: with a reason). */
    public void decideConsent(DelegateTask task) {
        refuseIfAny(task, problems -> {
            Boolean granted = booleanChoice(task, CONSENT_GRANTED, problems);
            if (granted != null) {
                decided(task, granted ? "CONSENT_GRANTED" : "CONSENT_REFUSED", !granted, CONSENT_REASON, problems);
            }
        });
    }

    /**
     * Task_RecordCourtRuling: the ruling, its date, and a fine within the offence catalogue's range; a
     * dismissal closes the case: with a reason.
     */
    public void courtRuling(DelegateTask task) {
        refuseIfAny(task, problems -> {
            checkCourtRuling(task, problems);
            Object outcome = task.getVariable(RULING_OUTCOME);
            if (outcome instanceof String code && java.util.Arrays.stream(RulingOutcome.values())
                    .anyMatch(known -> known.is(code))) {
                decided(task, code, RulingOutcome.DISMISSED.is(code), RULING_REASON, problems);
            }
        });
    }

    /** Task_RecordAppealDecision: upheld or not (overturned closes the case: with a reason). */
    public void appealDecision(DelegateTask task) {
        refuseIfAny(task, problems -> {
            Boolean upheld = booleanChoice(task, APPEAL_UPHELD, problems);
            if (upheld != null) {
                decided(task, upheld ? "UPHELD" : "OVERTURNED", !upheld, APPEAL_REASON, problems);
            }
        });
    }

    /** Task_CancelRegistration, Task_RestoreRegistration: the decision's number, never in the freeze. */
    public void registrationDecision(DelegateTask task) {
        refuseIfAny(task, problems -> checkRegistrationDecision(task, problems));
    }

    /** The observers' and accreditation steps: the number of the decision. */
    public void decisionNumber(DelegateTask task) {
        refuseIfAny(task, problems -> requireDecisionNumber(task, problems));
    }

    /** Task_HandToInvestigation: the criminal case's registration number. */
    public void investigation(DelegateTask task) {
        refuseIfAny(task, problems -> checkInvestigationNumber(task, problems));
    }

    /** A step whose completion records nothing (the form has no fields): named so, not left unbound. */
    public void nothingToRecord(DelegateTask task) {
        // the integrity gate refuses any variable the task's form does not declare
    }

    /** The rules of process versions whose listeners name no rules of their own, by task id. */
    public void check(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "Task_CheckFact" -> checkFact(task);
            case "Task_DecideConsent" -> decideConsent(task);
            case "Task_RecordCourtRuling" -> courtRuling(task);
            case "Task_RecordAppealDecision" -> appealDecision(task);
            case "Task_CancelRegistration", "Task_RestoreRegistration" -> registrationDecision(task);
            case "Task_CancelObserverRegistration", "Task_CancelExpelledObserverRegistration",
                 "Task_SubmitAccreditationRevocation", "Task_RevokeAccreditation" -> decisionNumber(task);
            case "Task_HandToInvestigation" -> investigation(task);
            default -> throw CaseRuleViolation.taskNotCompleted(List.of(FieldProblem.of(
                    "task", "task.noRules", task.getTaskDefinitionKey() + " has no completion rules; an administrator binds them "
                    + "in the process model")));
        }
    }

    private static void refuseIfAny(DelegateTask task, java.util.function.Consumer<List<FieldProblem>> rules) {
        List<FieldProblem> problems = new ArrayList<>();
        rules.accept(problems);
        if (!problems.isEmpty()) {
            throw CaseRuleViolation.taskNotCompleted(problems);
        }
    }

    private void checkCourtRuling(DelegateTask task, List<FieldProblem> problems) {
        Object outcome = task.getVariable(RULING_OUTCOME);
        List<String> outcomes = java.util.Arrays.stream(RulingOutcome.values()).map(Enum::name).toList();
        if (!(outcome instanceof String) || !outcomes.contains(outcome)) {
            problems.add(FieldProblem.of(RULING_OUTCOME, "choice.required", "is required and must be one of " + outcomes
                    + (outcome == null ? "" : ", got " + describe(outcome))));
        }
        LocalDate rulingDate = rulingDate(task, problems);
        Object fine = task.getVariable(FINE_MCI);
        Object abbreviated = task.getVariable(ABBREVIATED_PROCEDURE);
        if (abbreviated != null && !(abbreviated instanceof Boolean)) {
            problems.add(FieldProblem.of(ABBREVIATED_PROCEDURE, "boolean", "must be true or false, got " + describe(abbreviated)));
        }
        Optional<OffenceCatalogue.Offence> offence = catalogue.find((String) task.getVariable(CODE),
                (String) task.getVariable(ARTICLE), (String) task.getVariable(PART), task.getVariable(OFFENDER_KIND));
        if (RulingOutcome.WARNING.is(outcome) && offence.isPresent() && !offence.get().warningPossible()) {
            problems.add(FieldProblem.of(RULING_OUTCOME, "ruling.noWarning", "the offence catalogue provides no warning for "
                    + task.getVariable(CODE) + " article " + task.getVariable(ARTICLE) + "; record a fine or a dismissal",
                    task.getVariable(CODE), task.getVariable(ARTICLE)));
        }
        if (RulingOutcome.FINE.is(outcome) && Boolean.TRUE.equals(abbreviated) && fine == null && offence.isPresent()
                && offence.get().abbreviatedFineMci() != null) {
            // the abbreviated procedure's fine is half the maximum: the catalogue knows it
            fine = offence.get().abbreviatedFineMci();
            task.setVariable(FINE_MCI, offence.get().abbreviatedFineMci().doubleValue());
        }
        if (RulingOutcome.FINE.is(outcome)) {
            FieldProblem fineProblem = fine == null
                    ? FieldProblem.of(FINE_MCI, "fine.required", "is required for a fine (the amount in MCI)")
                    : fineProblem(fine);
            if (fineProblem != null) {
                problems.add(fineProblem);
            } else {
                BigDecimal fineMci = new BigDecimal(fine.toString());
                checkFineAgainstCatalogue(fineMci, Boolean.TRUE.equals(abbreviated), offence.orElse(null), problems);
                if (problems.isEmpty()) {
                    priceFine(task, fineMci, problems);
                }
            }
            if (abbreviated == null) {
                problems.add(FieldProblem.of(ABBREVIATED_PROCEDURE, "abbreviated.required",
                        "is required for a fine: true when the offender admitted guilt (abbreviated procedure)"));
            }
        } else if (fine != null && outcome instanceof String) {
            problems.add(FieldProblem.of(FINE_MCI, "fine.onlyForFine", "only a fine has an amount; leave it empty for " + outcome));
        }
        if (Boolean.TRUE.equals(abbreviated) && outcome instanceof String && !RulingOutcome.FINE.is(outcome)) {
            problems.add(FieldProblem.of(ABBREVIATED_PROCEDURE, "abbreviated.onlyForFine", "the abbreviated procedure is only for a fine"));
        }
        if (problems.isEmpty() && rulingDate != null) {
            task.setVariable(RULING_DATE, rulingDate.toString());
        }
    }

    /**
     * What is wrong with a fine's amount, or null: a positive, finite number of MCI with at most two
     * decimals (a double sent as "NaN" or "Infinity" is a number to the engine, not an amount).
     */
    private static FieldProblem fineProblem(Object fine) {
        if (!(fine instanceof Number number)) {
            return FieldProblem.of(FINE_MCI, "fine.positive", "must be a positive number of MCI, got " + describe(fine));
        }
        if ((number instanceof Double || number instanceof Float)
                && (Double.isNaN(number.doubleValue()) || Double.isInfinite(number.doubleValue()))) {
            return FieldProblem.of(FINE_MCI, "fine.positive", "must be a finite number of MCI, got " + number);
        }
        BigDecimal amount = new BigDecimal(number.toString());
        if (amount.signum() <= 0) {
            return FieldProblem.of(FINE_MCI, "fine.positive", "must be a positive number of MCI, got " + describe(fine));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return FieldProblem.of(FINE_MCI, "fine.decimals", "must have at most two decimals, got " + amount.toPlainString());
        }
        return null;
    }

    private LocalDate rulingDate(DelegateTask task, List<FieldProblem> problems) {
        Object value = task.getVariable(RULING_DATE);
        ZoneId zone = freeze.election((String) task.getVariable(ELECTION_ID)).zone();
        LocalDate date;
        if (value instanceof Date instant) {
            date = LocalDate.ofInstant(instant.toInstant(), zone);
        } else if (value instanceof String text) {
            String given = text.strip();
            try {
                date = DAY_MONTH_YEAR_SHAPE.matcher(given).matches() ? LocalDate.parse(given, DAY_MONTH_YEAR)
                        : LocalDate.parse(given.length() > 10 ? given.substring(0, 10) : given);
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of(RULING_DATE, "date.format", "must be a date such as 10.03.2023 (dd.MM.yyyy) or "
                        + "2023-03-10, got " + describe(value)));
                return null;
            }
        } else {
            problems.add(FieldProblem.of(RULING_DATE, "required", "is required: the date of the court's ruling"));
            return null;
        }
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        if (date.isAfter(today)) {
            problems.add(FieldProblem.of(RULING_DATE, "date.future", "must not be in the future (today is " + today + ")", today));
        }
        Object committedOn = task.getVariable(COMMITTED_ON);
        if (committedOn instanceof String text && date.isBefore(LocalDate.parse(text))) {
            problems.add(FieldProblem.of(RULING_DATE, "date.beforeOffence", "must not be before the offence was committed (" + text + ")",
                    LocalDate.parse(text)));
        }
        return date;
    }

    private static void checkFineAgainstCatalogue(BigDecimal fine, boolean abbreviated,
                                                  OffenceCatalogue.Offence offence, List<FieldProblem> problems) {
        if (offence == null || offence.fineMaxMci() == null) {
            return;
        }
        if (abbreviated) {
            if (fine.compareTo(offence.abbreviatedFineMci()) != 0) {
                problems.add(FieldProblem.of(FINE_MCI, "fine.abbreviated", "in the abbreviated procedure the fine is half the maximum: "
                        + offence.abbreviatedFineMci().stripTrailingZeros().toPlainString() + " MCI for "
                        + offence.title(), offence.abbreviatedFineMci().stripTrailingZeros().toPlainString()));
            }
        } else if (fine.compareTo(offence.fineMinMci()) < 0 || fine.compareTo(offence.fineMaxMci()) > 0) {
            problems.add(FieldProblem.of(FINE_MCI, "fine.range", "must be between " + offence.fineMinMci().stripTrailingZeros()
                    .toPlainString() + " and " + offence.fineMaxMci().stripTrailingZeros().toPlainString()
                    + " MCI for " + offence.title() + " (offence catalogue)",
                    offence.fineMinMci().stripTrailingZeros().toPlainString(),
                    offence.fineMaxMci().stripTrailingZeros().toPlainString()));
        }
    }

    private static boolean hasPossibleDuplicates(DelegateTask task) {
        return task.getVariable(POSSIBLE_DUPLICATES) instanceof String list && !list.isBlank();
    }

    private static void checkDuplicateResolution(DelegateTask task, List<FieldProblem> problems) {
        if (!hasPossibleDuplicates(task)) {
            return;
        }
        String list = (String) task.getVariable(POSSIBLE_DUPLICATES);
        Object resolution = task.getVariable(DUPLICATE_RESOLUTION);
        if (!"LINKED".equals(resolution) && !"SEPARATE".equals(resolution)) {
            problems.add(FieldProblem.of(DUPLICATE_RESOLUTION, "duplicate.choose", "this fact looks like open case(s) " + list
                    + ": choose LINKED (link it to one of them) or SEPARATE (a separate violation)", list.replace(",", ", ")));
        } else if ("LINKED".equals(resolution)) {
            Object linked = task.getVariable(LINKED_CASE_NUMBER);
            if (!(linked instanceof String number) || !List.of(list.split(",")).contains(number)) {
                problems.add(FieldProblem.of(LINKED_CASE_NUMBER, "duplicate.linked", "must be one of the possible duplicates " + list,
                        list.replace(",", ", ")));
            }
        }
    }

    private static void checkInvestigationNumber(DelegateTask task, List<FieldProblem> problems) {
        Object number = task.getVariable(INVESTIGATION_NUMBER);
        if (!(number instanceof String text) || !text.matches("\\d{15}")) {
            problems.add(FieldProblem.of(INVESTIGATION_NUMBER, "investigation.number", "is required: the 15-digit registration number of the "
                    + "criminal case in the Unified Register of Pre-Trial Investigations"
                    + (number == null ? "" : ", got " + describe(number))));
        }
    }

    private static void requireDecisionNumber(DelegateTask task, List<FieldProblem> problems) {
        Object number = task.getVariable(DECISION_NUMBER);
        if (!(number instanceof String text) || text.isBlank()) {
            problems.add(FieldProblem.of(DECISION_NUMBER, "decision.number", "is required: the number of the decision"
                    + (number == null ? "" : ", got " + describe(number))));
            return;
        }
        TextLimits.Broken broken = TextLimits.broken(text, TextLimits.DECISION_NUMBER, false);
        if (broken != null) {
            problems.add(FieldProblem.of(DECISION_NUMBER, broken));
        }
    }

    private void priceFine(DelegateTask task, BigDecimal fineMci, List<FieldProblem> problems) {
        try {
            LocalDate committedOn = LocalDate.parse((String) task.getVariable(COMMITTED_ON));
            task.setVariable(FINE_TENGE, finePricing.toTenge(fineMci, committedOn));
        } catch (FinePricing.MissingMciRateException e) {
            problems.add(FieldProblem.of(FINE_MCI, "fine.noRate", e.getMessage(), committedOn(task)));
        }
    }

    private static LocalDate committedOn(DelegateTask task) {
        return LocalDate.parse((String) task.getVariable(COMMITTED_ON));
    }

    private void checkRegistrationDecision(DelegateTask task, List<FieldProblem> problems) {
        requireDecisionNumber(task, problems);
        String electionId = (String) task.getVariable(ELECTION_ID);
        if (freeze.isInForce(electionId)) {
            problems.add(FieldProblem.of("registration", "registration.freeze", "refused because " + freeze.describe(electionId)
                    + "; the task will be withdrawn when the freeze timer runs", freeze.election(electionId).getMilestones()
                    .registrationFreezeFrom().toLocalDateTime()));
        }
    }

    /**
     * A yes/no choice: a Boolean, or the text "true"/"false" a form or REST client may send, stored as the
     * Boolean it says before the process routes on it; null (and a problem) for anything else.
     */
    private static Boolean booleanChoice(DelegateTask task, String name, List<FieldProblem> problems) {
        Object value = task.getVariable(name);
        if (value instanceof String text && (text.trim().equalsIgnoreCase("true")
                || text.trim().equalsIgnoreCase("false"))) {
            value = Boolean.valueOf(text.trim().toLowerCase(java.util.Locale.ROOT));
            task.setVariable(name, value);
        }
        if (!(value instanceof Boolean choice)) {
            problems.add(FieldProblem.of(name, "choice.required", "is required and must be true or false"
                    + (value == null ? "" : ", got " + describe(value))));
            return null;
        }
        return choice;
    }

    /**
     * Records a decision once the completion meets every rule: the choice as a code and the reason on the
     * completed task itself (task-local {@code decision} and {@code reason}, what the case's steps and
     * timeline show), the reason in the case under {@code reasonVariable}. A choice against the case
     * ({@code negative}) is refused without a non-blank reason. The form's {@code reason} is not kept as a
     * case variable of its own, so a later decision never finds an earlier one's reason.
     */
    private static void decided(DelegateTask task, String decision, boolean negative, String reasonVariable,
                                List<FieldProblem> problems) {
        Object given = task.getVariable(REASON);
        String reason = given instanceof String text && !text.isBlank() ? text.strip() : null;
        if (given != null && !(given instanceof String)) {
            problems.add(FieldProblem.of(REASON_FIELD, "text.notText", "must be text, got " + describe(given)));
        } else if (negative && reason == null) {
            problems.add(FieldProblem.of(REASON_FIELD, "reason.required", "is required for this decision (" + decision
                    + "): why, in a few words, for the case's record"));
        } else if (reason != null) {
            TextLimits.Broken broken = TextLimits.broken(reason, TextLimits.DESCRIPTION, true);
            if (broken != null) {
                problems.add(FieldProblem.of(REASON_FIELD, broken));
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        if (given != null) {
            task.removeVariable(REASON);
        }
        task.setVariableLocal(DECISION, decision);
        if (reason != null) {
            task.setVariableLocal(REASON, reason);
            task.setVariable(reasonVariable, reason);
        }
    }

    private static String describe(Object value) {
        return value instanceof String text ? "the text \"" + TextLimits.quote(text) + "\""
                : value.getClass().getSimpleName() + " " + TextLimits.quote(String.valueOf(value));
    }
}
