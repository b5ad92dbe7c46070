package kz.elections.violations.sanctions;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The offence catalogue (DMN decision {@code OffenceCatalogue} in processes/): what an article, part
 * and offender kind bring in sanctions. Admins revise the table; this class only reads it.
 */
@Component
public class OffenceCatalogue {

    private final DecisionService decisions;

    public OffenceCatalogue(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** An offence's sanctions; the fine bounds are null for a criminal offence. */
    public record Offence(String title, BigDecimal fineMinMci, BigDecimal fineMaxMci, boolean warningPossible,
                          BigDecimal abbreviatedFineMci) {
    }

    public Optional<Offence> find(String code, String article, String part, Object offenderKind) {
        Map<String, Object> inputs = new java.util.HashMap<>();
        inputs.put("code", code);
        inputs.put("article", article);
        inputs.put("part", part);
        inputs.put("offenderKind", offenderKind == null ? null : offenderKind.toString());
        DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey("OffenceCatalogue",
                Variables.fromMap(inputs)).getFirstResult();
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new Offence((String) row.get("offenceTitle"), decimal(row.get("fineMinMci")),
                decimal(row.get("fineMaxMci")), Boolean.TRUE.equals(row.get("warningPossible")),
                decimal(row.get("abbreviatedFineMci"))));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
