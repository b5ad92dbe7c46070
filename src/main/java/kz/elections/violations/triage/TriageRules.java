package kz.elections.violations.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kz.elections.violations.api.CaseRuleViolation;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.TextLimits;
import kz.elections.violations.complaints.Complaint;
import kz.elections.violations.complaints.Complaints;
import kz.elections.violations.intake.IntakeRules;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The completion rules of {@code Task_TriageComplaint} (its complete listener
 * {@code ${complaintTriageRules.triage(task)}}): a decision, and what it needs. ACCEPT: the case's fields,
 * with the complaint's where the completion gives none, keep the intake rules ({@link IntakeRules}), so that
 * a case the intake would refuse is never half-opened; MERGE: the number of a case that exists and that the
 * prosecutor may see; REJECT: a reason, which the complainant reads. A refusal is a 400 naming the
 * completion's variables, and the task stays open.
 */
@Component("complaintTriageRules")
public class TriageRules {

    /** The rule methods a BPMN complete listener may name ({@code deployment.DeploymentReferenceCheck}). */
    public static final Set<String> RULES = Set.of("triage");
    /** The bean the listeners name. */
    public static final String BEAN = "complaintTriageRules";

    private final Complaints complaints;
    private final IntakeRules intakeRules;
    private final TriageCases cases;
    private final CurrentUser currentUser;

    TriageRules(Complaints complaints, IntakeRules intakeRules, TriageCases cases, CurrentUser currentUser) {
        this.complaints = complaints;
        this.intakeRules = intakeRules;
        this.cases = cases;
        this.currentUser = currentUser;
    }

    public void triage(DelegateTask task) {
        List<FieldProblem> problems = new ArrayList<>();
        Object decision = task.getVariable(TriageVariables.TRIAGE_DECISION);
        if (TriageVariables.ACCEPT.equals(decision)) {
            Complaint complaint = complaints.find((String) task.getVariable(TriageVariables.TRACKING_NUMBER)).orElseThrow();
            CaseFromComplaint.Built built = CaseFromComplaint.of(task, complaint);
            problems.addAll(built.problems());
            intakeRules.check(built.request().toVariables()).stream().map(CaseFromComplaint::asCompletionField)
                    .filter(problem -> problems.stream().noneMatch(earlier -> earlier.field().equals(problem.field())))
                    .forEach(problems::add);
        } else if (TriageVariables.MERGE.equals(decision)) {
            Object number = task.getVariable(TriageVariables.CASE_NUMBER);
            if (!(number instanceof String caseNumber) || caseNumber.isBlank()) {
                problems.add(FieldProblem.of("variables." + TriageVariables.CASE_NUMBER, "required",
                        "is required: the number of the case the complaint joins"));
            } else if (!cases.mayJoin(caseNumber.strip())) {
                problems.add(FieldProblem.of("variables." + TriageVariables.CASE_NUMBER, "triage.caseUnknown",
                        "is not the number of a case you may see"));
            }
        } else if (TriageVariables.REJECT.equals(decision)) {
            Object reason = task.getVariable(TriageVariables.REASON);
            if (reason != null && !(reason instanceof String)) {
                problems.add(FieldProblem.of("variables." + TriageVariables.REASON, "text.notText", "must be text"));
            } else if (reason == null || ((String) reason).isBlank()) {
                problems.add(FieldProblem.of("variables." + TriageVariables.REASON, "triage.reasonRequired",
                        "is required to reject a complaint: the complainant reads it as the answer"));
            } else {
                TextLimits.Broken broken = TextLimits.broken(((String) reason).strip(), TextLimits.DESCRIPTION, true);
                if (broken != null) {
                    problems.add(FieldProblem.of("variables." + TriageVariables.REASON, broken));
                }
            }
        } else {
            problems.add(FieldProblem.of("variables." + TriageVariables.TRIAGE_DECISION, "choice.required",
                    "is required and must be one of ACCEPT, MERGE, REJECT"));
        }
        if (!problems.isEmpty()) {
            throw CaseRuleViolation.taskNotCompleted(problems);
        }
        String user = currentUser.id();
        if (user != null) {
            task.setVariable(TriageVariables.TRIAGED_BY, user);
        }
    }
}
