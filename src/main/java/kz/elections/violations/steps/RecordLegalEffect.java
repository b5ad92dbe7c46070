package kz.elections.violations.steps;

import kz.elections.violations.model.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordLegalEffect}: the moment the ruling took legal effect. */
@Component("recordLegalEffect")
public class RecordLegalEffect {

    public void execute(DelegateExecution execution) {
        execution.setVariable(CaseVariables.LEGAL_EFFECT_AT, ClockUtil.getCurrentTime());
    }
}
