package kz.elections.violations.sanctions;

import static kz.elections.violations.model.CaseVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the ruling form shows before it is submitted: when Task_RecordCourtRuling is created (a create
 * listener in the BPMN), the case gets the article's allowed fine range in MCI ({@code fineMinMci},
 * {@code fineMaxMci}, {@code abbreviatedFineMci}) from the offence catalogue and one MCI in tenge for the
 * year of the offence ({@code mciTenge}), so the form can write out the range and price the typed fine.
 * An offence without a fine (a criminal one) or a year without a recorded MCI leaves them unset.
 */
@Component("rulingFormHints")
public class RulingFormHints {

    private final OffenceCatalogue catalogue;
    private final FinePricing pricing;

    RulingFormHints(OffenceCatalogue catalogue, FinePricing pricing) {
        this.catalogue = catalogue;
        this.pricing = pricing;
    }

    public void showFineRange(DelegateTask task) {
        Optional<OffenceCatalogue.Offence> offence = catalogue.find((String) task.getVariable(CODE),
                (String) task.getVariable(ARTICLE), (String) task.getVariable(PART), task.getVariable(OFFENDER_KIND));
        if (offence.isEmpty() || offence.get().fineMaxMci() == null) {
            return;
        }
        task.setVariable(FINE_MIN_MCI, offence.get().fineMinMci().doubleValue());
        task.setVariable(FINE_MAX_MCI, offence.get().fineMaxMci().doubleValue());
        if (offence.get().abbreviatedFineMci() != null) {
            task.setVariable(ABBREVIATED_FINE_MCI, offence.get().abbreviatedFineMci().doubleValue());
        }
        if (!(task.getVariable(COMMITTED_ON) instanceof String committedOn)) {
            return;
        }
        try {
            task.setVariable(MCI_TENGE, pricing.toTenge(BigDecimal.ONE, LocalDate.parse(committedOn)));
        } catch (FinePricing.MissingMciRateException | DateTimeParseException noRate) {
            // the form then shows the range without the tenge amount; the completion rules refuse the fine
        }
    }
}
