package kz.elections.violations.steps;

import kz.elections.violations.freeze.RegistrationFreeze;
import static kz.elections.violations.model.CaseVariables.*;

import java.time.LocalDate;
import java.util.Date;

import kz.elections.violations.sanctions.WorkingDays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_StartPaymentPeriod}: in the abbreviated procedure the offender pays half the
 * maximum fine within 7 working days of the ruling (CAO; public holidays from the application's table);
 * the deadline is the end of the last of those days in the election's time zone.
 */
@Component("startPaymentPeriod")
public class StartPaymentPeriod {

    private final WorkingDays workingDays;
    private final RegistrationFreeze freeze;
    private final int paymentWorkingDays;

    public StartPaymentPeriod(WorkingDays workingDays, RegistrationFreeze freeze,
                              @Value("${cases.abbreviated-payment-working-days:7}") int paymentWorkingDays) {
        this.workingDays = workingDays;
        this.freeze = freeze;
        this.paymentWorkingDays = paymentWorkingDays;
    }

    public void execute(DelegateExecution execution) {
        LocalDate rulingDate = LocalDate.parse((String) execution.getVariable(RULING_DATE));
        LocalDate lastDay = workingDays.workingDaysAfter(rulingDate, paymentWorkingDays);
        var zone = freeze.election((String) execution.getVariable(ELECTION_ID)).zone();
        execution.setVariable(PAYMENT_DUE_AT, Date.from(lastDay.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
