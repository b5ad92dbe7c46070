package kz.elections.violations.cases;

import static kz.elections.violations.cases.CaseVariables.*;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * A new fact about the same offender (IIN or BIN), article and day as an open case may be the same
 * violation reported twice. It is flagged, never merged: the prosecutor decides at Task_CheckFact.
 */
@Component
public class DuplicateFacts {

    private final RuntimeService runtimeService;

    public DuplicateFacts(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Case numbers of the open cases that look like the same fact. */
    public List<String> openCasesLike(String iin, String bin, String code, String article, String committedOn) {
        if ((iin == null && bin == null) || article == null || committedOn == null) {
            return List.of();
        }
        ProcessInstanceQuery query = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(ARTICLE, article)
                .variableValueEquals(CODE, code)
                .variableValueEquals(COMMITTED_ON, committedOn);
        query = iin != null ? query.variableValueEquals(OFFENDER_IIN, iin) : query.variableValueEquals(OFFENDER_BIN, bin);
        return query.list().stream().map(ProcessInstance::getBusinessKey).sorted().toList();
    }
}
