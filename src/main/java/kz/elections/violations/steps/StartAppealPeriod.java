package kz.elections.violations.steps;

import kz.elections.violations.freeze.RegistrationFreeze;
import static kz.elections.violations.model.CaseVariables.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_StartAppealPeriod}: the appeal period ({@code cases.appeal-period}) runs
 * from the end of the ruling day in the election's time zone; when it ends without an appeal the
 * ruling takes legal effect.
 */
@Component("startAppealPeriod")
public class StartAppealPeriod {

    private final RegistrationFreeze freeze;
    private final Duration appealPeriod;

    public StartAppealPeriod(RegistrationFreeze freeze, @Value("${cases.appeal-period:P10D}") Duration appealPeriod) {
        this.freeze = freeze;
        this.appealPeriod = appealPeriod;
    }

    public void execute(DelegateExecution execution) {
        LocalDate rulingDate = LocalDate.parse((String) execution.getVariable(RULING_DATE));
        var zone = freeze.election((String) execution.getVariable(ELECTION_ID)).zone();
        var endsAt = rulingDate.plusDays(1).atStartOfDay(zone).plus(appealPeriod);
        execution.setVariable(APPEAL_PERIOD_ENDS_AT, Date.from(endsAt.toInstant()));
    }
}
