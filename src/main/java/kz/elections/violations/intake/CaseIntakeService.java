package kz.elections.violations.intake;

import kz.elections.violations.model.CaseVariables;
import java.util.List;
import java.util.Map;

import kz.elections.violations.api.CaseRuleViolation;
import kz.elections.violations.api.InvalidRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a detected fact over the project API: starts its ViolationCase, whose start listener
 * ({@link RegisterFact}) checks the intake rules and gives the case its number, once, as for every other
 * way a case starts. A refusal is the API's 400 with the same field problems; nothing is kept.
 */
@Service
public class CaseIntakeService {

    private final RuntimeService runtimeService;

    public CaseIntakeService(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** possibleDuplicates: open cases about the same offender, article and day (flagged, not merged). */
    public record RegisteredCase(String caseNumber, String processInstanceId, List<String> possibleDuplicates) {
    }

    @Transactional
    public RegisteredCase register(CaseIntakeRequest request) {
        Map<String, Object> variables = request.toVariables();
        ProcessInstanceWithVariables instance;
        try {
            instance = runtimeService.createProcessInstanceByKey(CaseVariables.PROCESS_KEY).setVariables(variables)
                    .executeWithVariablesInReturn();
        } catch (CaseRuleViolation refused) {
            throw new InvalidRequestException(refused.problems());
        }
        String caseNumber = (String) instance.getVariables().get(CaseVariables.CASE_NUMBER);
        Object duplicates = instance.getVariables().get(CaseVariables.POSSIBLE_DUPLICATES);
        return new RegisteredCase(caseNumber, instance.getId(), duplicates instanceof String list && !list.isBlank()
                ? List.of(list.split(",")) : List.of());
    }
}
