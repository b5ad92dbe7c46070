package kz.elections.violations.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Named steps of a candidate's case (art. 102, ruling on 1 March 2023), for tests that bring cases to
 * each wait state of ViolationCase and on to their end in an application of their own.
 */
public final class CaseSteps {

    /** The steps that bring a new case to each wait state, by the wait state's activity id. */
    public static final Map<String, List<String>> TO_WAIT_STATE = new LinkedHashMap<>();

    static {
        TO_WAIT_STATE.put("Task_CheckFact", List.of());
        TO_WAIT_STATE.put("Task_DecideConsent", List.of("check"));
        TO_WAIT_STATE.put("Task_RecordCourtRuling", List.of("check", "consent"));
        TO_WAIT_STATE.put("Gateway_AwaitLegalEffect", List.of("check", "consent", "ruling"));
        TO_WAIT_STATE.put("Task_RecordAppealDecision", List.of("check", "consent", "ruling", "appeal"));
        TO_WAIT_STATE.put("Task_CancelRegistration", List.of("check", "consent", "ruling", "effect"));
        TO_WAIT_STATE.put("Gateway_AwaitQuashing", List.of("check", "consent", "ruling", "effect", "cancel"));
        TO_WAIT_STATE.put("Task_RestoreRegistration", List.of("check", "consent", "ruling", "effect", "cancel", "quash"));
    }

    private CaseSteps() {
    }

    public static void step(ProcessEngine engine, String caseNumber, String step) {
        RuntimeService runtime = engine.getRuntimeService();
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        switch (step) {
            case "check" -> completeOnlyTask(engine, instanceId, Map.of("factConfirmed", true));
            case "consent" -> completeOnlyTask(engine, instanceId, Map.of("consentGranted", true));
            case "ruling" -> completeOnlyTask(engine, instanceId, Map.of("rulingOutcome", "FINE", "fineMci", 20,
                    "abbreviatedProcedure", false, "rulingDate", "2023-03-01"));
            case "appeal" -> runtime.createMessageCorrelation("AppealFiled").processInstanceBusinessKey(caseNumber)
                    .correlate();
            case "upheld" -> completeOnlyTask(engine, instanceId, Map.of("appealUpheld", true));
            case "effect" -> executeTimer(engine.getManagementService(), instanceId, "Event_AppealPeriodExpired");
            case "cancel", "restore" -> completeOnlyTask(engine, instanceId, Map.of("decisionNumber", "7/" + step));
            case "quash" -> runtime.createMessageCorrelation("RulingQuashed").processInstanceBusinessKey(caseNumber)
                    .correlate();
            // the election's freeze reaches this case: what the freeze's batch does for each waiting case
            case "freeze" -> runtime.createMessageCorrelation("RegistrationFreezeBegan-"
                    + runtime.getVariable(instanceId, "electionId")).processInstanceId(instanceId).correlateAll();
            case "task" -> completeOnlyTask(engine, instanceId, Map.of());
            default -> throw new IllegalArgumentException(step);
        }
    }

    /**
     * The election's freeze timer fires (for an application whose job executor is off): its job, then
     * the batches and the multi-instance joins, until the freeze instance waits for its sweep.
     */
    public static void runElectionFreeze(ProcessEngine engine, String electionId) {
        var management = engine.getManagementService();
        List<String> freezes = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("ElectionRegistrationFreeze").processInstanceBusinessKey(electionId).list()
                .stream().map(instance -> instance.getId()).toList();
        for (String freeze : freezes) {
            var timer = management.createJobQuery().processInstanceId(freeze)
                    .activityId("Timer_RegistrationFreezeBegins").singleResult();
            if (timer != null) {
                management.executeJob(timer.getId());
            }
            for (int round = 0; round < 1_000; round++) {
                var jobs = management.createJobQuery().processInstanceId(freeze).messages().list();
                if (jobs.isEmpty()) {
                    break;
                }
                jobs.forEach(job -> management.executeJob(job.getId()));
            }
        }
    }

    public static List<String> activeActivities(ProcessEngine engine, String caseNumber) {
        RuntimeService runtime = engine.getRuntimeService();
        return runtime.getActiveActivityIds(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).singleResult().getId());
    }

    private static void completeOnlyTask(ProcessEngine engine, String instanceId, Map<String, Object> variables) {
        TaskService tasks = engine.getTaskService();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(), variables);
    }

    private static void executeTimer(ManagementService management, String instanceId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instanceId).activityId(activityId).singleResult();
        management.executeJob(job.getId());
    }
}
