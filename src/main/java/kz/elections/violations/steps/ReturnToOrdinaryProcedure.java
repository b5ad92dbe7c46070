package kz.elections.violations.steps;

import static kz.elections.violations.model.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ReturnToOrdinaryProcedure}: the abbreviated fine was not paid in time, so
 * the court decides in the ordinary procedure; the unpaid ruling's amount no longer stands.
 */
@Component("returnToOrdinaryProcedure")
public class ReturnToOrdinaryProcedure {

    public void execute(DelegateExecution execution) {
        execution.setVariable("abbreviatedFineUnpaid", true);
        execution.setVariable(ABBREVIATED_PROCEDURE, false);
        execution.removeVariable(FINE_MCI);
        execution.removeVariable(FINE_TENGE);
        execution.removeVariable(RULING_OUTCOME);
    }
}
