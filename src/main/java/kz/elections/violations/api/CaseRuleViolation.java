package kz.elections.violations.api;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Refuses a start or a task completion whose values break a rule. The engine's REST API and Tasklist
 * answer this exception with 400 and its message, and the transaction rolls back, so nothing of the
 * refused request is kept. Its {@link #heading()} names what was refused in the refusal catalogue
 * ({@code i18n/refusals*.properties}), which words the answer in the language the caller asks for.
 */
public class CaseRuleViolation extends FormFieldValidationException {

    /** The catalogue's heading of a refused start. */
    public static final String FACT_NOT_REGISTERED = "refused.start";
    /** The catalogue's heading of a refused task completion. */
    public static final String TASK_NOT_COMPLETED = "refused.completion";
    /** The catalogue's heading of any other refusal. */
    public static final String REFUSED = "refused";

    private final String heading;
    private final List<FieldProblem> problems;

    public CaseRuleViolation(String prefix, List<FieldProblem> problems) {
        this(REFUSED, prefix, problems);
    }

    private CaseRuleViolation(String heading, String prefix, List<FieldProblem> problems) {
        super(problems.get(0).field(), prefix + InvalidRequestException.describe(problems));
        this.heading = heading;
        this.problems = List.copyOf(problems);
    }

    public static CaseRuleViolation factNotRegistered(List<FieldProblem> problems) {
        return new CaseRuleViolation(FACT_NOT_REGISTERED, "The fact was not registered: ", problems);
    }

    public static CaseRuleViolation taskNotCompleted(List<FieldProblem> problems) {
        return new CaseRuleViolation(TASK_NOT_COMPLETED, "The task was not completed: ", problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public String heading() {
        return heading;
    }
}
