package kz.elections.violations.freeze;

import static kz.elections.violations.model.CaseVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service tasks {@code Task_CheckFreezeBeforeCancellation} and {@code Task_CheckFreezeBeforeRestore}. */
@Component("checkRegistrationFreeze")
public class CheckRegistrationFreeze {

    private final RegistrationFreeze freeze;

    public CheckRegistrationFreeze(RegistrationFreeze freeze) {
        this.freeze = freeze;
    }

    public void execute(DelegateExecution execution) {
        String electionId = (String) execution.getVariable(ELECTION_ID);
        if (execution.getBpmnModelInstance().getModelElementById(RegistrationFreeze.LEGACY_FREEZE_TIMERS.get(0)) != null) {
            // a case of process version 1.1.0 or older: its own freeze timers read this copy
            execution.setVariable(REGISTRATION_FREEZE_FROM,
                    Date.from(freeze.election(electionId).registrationFreezeFrom()));
        }
        execution.setVariable(REGISTRATION_FROZEN, freeze.isInForce(electionId));
    }
}
