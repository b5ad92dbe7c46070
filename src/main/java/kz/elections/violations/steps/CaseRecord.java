package kz.elections.violations.steps;

import kz.elections.violations.model.FollowUpState;
import kz.elections.violations.model.CaseStatus;
import kz.elections.violations.model.Outcome;
import kz.elections.violations.model.Registration;
import kz.elections.violations.model.RegistrationReasonCode;
import kz.elections.violations.freeze.RegistrationFreeze;
import static kz.elections.violations.model.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Listeners of ViolationCase that keep the case record the case API reports: status, outcome and the
 * candidate's registration with the reason when the freeze decided it.
 */
@Component("caseRecord")
public class CaseRecord {

    private final RegistrationFreeze freeze;
    private final ApplicationEventPublisher events;

    public CaseRecord(RegistrationFreeze freeze, ApplicationEventPublisher events) {
        this.freeze = freeze;
        this.events = events;
    }

    /** The case closes with the outcome; {@link CaseClosed} tells the application, in the same transaction. */
    public void close(DelegateExecution execution, String outcome) {
        execution.setVariable(OUTCOME, Outcome.valueOf(outcome).name());
        execution.setVariable(CASE_STATUS, CaseStatus.CLOSED.name());
        events.publishEvent(new CaseClosed(execution.getProcessInstanceId(), execution.getActivityInstanceId(),
                (String) execution.getVariable(CASE_NUMBER), outcome));
    }

    public void registrationCancelled(DelegateTask task) {
        task.setVariable(REGISTRATION, Registration.CANCELLED.name());
        task.setVariable(CANCELLATION_DECISION_NUMBER, task.getVariable(DECISION_NUMBER));
    }

    public void observerRegistrationCancelled(DelegateTask task) {
        task.setVariable(OBSERVER_REGISTRATION, FollowUpState.CANCELLED.name());
        task.setVariable(OBSERVER_DECISION_NUMBER, task.getVariable(DECISION_NUMBER));
    }

    public void accreditationRevocationSubmitted(DelegateTask task) {
        task.setVariable(ACCREDITATION_SUBMISSION_NUMBER, task.getVariable(DECISION_NUMBER));
    }

    public void accreditationRevoked(DelegateTask task) {
        task.setVariable(ACCREDITATION, FollowUpState.REVOKED.name());
        task.setVariable(ACCREDITATION_DECISION_NUMBER, task.getVariable(DECISION_NUMBER));
    }

    /** how: SKIPPED (the case reached the cancellation inside the freeze) or WITHDRAWN (by the timer). */
    public void registrationKept(DelegateExecution execution, String how) {
        boolean skipped = "SKIPPED".equals(how);
        String what = skipped
                ? "The ruling took effect inside the freeze, so the registration was not cancelled: "
                : "The open cancellation was withdrawn when the freeze began: ";
        execution.setVariable(REGISTRATION, Registration.KEPT_DUE_TO_FREEZE.name());
        execution.setVariable(REGISTRATION_REASON, what + freeze.describe(electionId(execution)));
        execution.setVariable(REGISTRATION_REASON_CODE, (skipped ? RegistrationReasonCode.RULING_EFFECTIVE_INSIDE_FREEZE
                : RegistrationReasonCode.CANCELLATION_WITHDRAWN_BY_FREEZE).name());
        close(execution, Outcome.SANCTION_IMPOSED.name());
    }

    /** The ruling was quashed after the cancellation: the case opens again to restore the registration. */
    public void rulingQuashed(DelegateExecution execution) {
        execution.setVariable(OUTCOME, null);
        execution.setVariable(CASE_STATUS, CaseStatus.OPEN.name());
    }

    public void registrationRestored(DelegateExecution execution) {
        execution.setVariable(REGISTRATION, Registration.RESTORED.name());
        execution.setVariable(RESTORATION_DECISION_NUMBER, execution.getVariable(DECISION_NUMBER));
        close(execution, Outcome.OVERTURNED_ON_APPEAL.name());
    }

    /** how: SKIPPED (quashed inside the freeze) or WITHDRAWN (the open restoration, by the timer). */
    public void restoreBarred(DelegateExecution execution, String how) {
        boolean skipped = "SKIPPED".equals(how);
        String what = skipped
                ? "The ruling was quashed inside the freeze, so the registration stays cancelled: "
                : "The open restoration was withdrawn when the freeze began, so the registration stays cancelled: ";
        execution.setVariable(REGISTRATION_REASON, what + freeze.describe(electionId(execution)));
        execution.setVariable(REGISTRATION_REASON_CODE, (skipped ? RegistrationReasonCode.QUASHED_INSIDE_FREEZE
                : RegistrationReasonCode.RESTORATION_WITHDRAWN_BY_FREEZE).name());
        close(execution, Outcome.OVERTURNED_ON_APPEAL.name());
    }

    private static String electionId(DelegateExecution execution) {
        return (String) execution.getVariable(ELECTION_ID);
    }
}
