package kz.elections.violations.intake;

import kz.elections.violations.model.CaseVariables;
import java.util.List;
import java.util.Map;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers a detected fact: checks it, gives it a case number and starts its ViolationCase. */
@Service
public class CaseIntakeService {

    private final IntakeRules rules;
    private final CaseNumbers caseNumbers;
    private final RuntimeService runtimeService;

    public CaseIntakeService(IntakeRules rules, CaseNumbers caseNumbers, RuntimeService runtimeService) {
        this.rules = rules;
        this.caseNumbers = caseNumbers;
        this.runtimeService = runtimeService;
    }

    /** possibleDuplicates: open cases about the same offender, article and day (flagged, not merged). */
    public record RegisteredCase(String caseNumber, String processInstanceId, List<String> possibleDuplicates) {
    }

    @Transactional
    public RegisteredCase register(CaseIntakeRequest request) {
        Map<String, Object> variables = request.toVariables();
        List<FieldProblem> problems = rules.check(variables);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String caseNumber = caseNumbers.next();
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(CaseVariables.PROCESS_KEY)
                .businessKey(caseNumber).setVariables(variables).executeWithVariablesInReturn();
        Object duplicates = instance.getVariables().get(CaseVariables.POSSIBLE_DUPLICATES);
        return new RegisteredCase(caseNumber, instance.getId(), duplicates instanceof String list && !list.isBlank()
                ? List.of(list.split(",")) : List.of());
    }
}
