package kz.elections.violations.api;

import java.util.List;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Refuses a start or a task completion whose values break a rule. The engine's REST API and Tasklist
 * answer this exception with 400 and its message, and the transaction rolls back, so nothing of the
 * refused request is kept.
 */
public class CaseRuleViolation extends FormFieldValidationException {

    private final List<FieldProblem> problems;

    public CaseRuleViolation(String prefix, List<FieldProblem> problems) {
        super(problems.get(0).field(), prefix + InvalidRequestException.describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
