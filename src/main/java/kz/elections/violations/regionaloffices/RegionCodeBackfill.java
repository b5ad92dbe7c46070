package kz.elections.violations.regionaloffices;

import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;
import static kz.elections.violations.model.CaseVariables.REGION;
import static kz.elections.violations.model.CaseVariables.REGION_CODE;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.elections.violations.regions.Region;
import kz.elections.violations.regions.Regions;
import kz.elections.violations.reporting.CaseReportRegionCodes;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The upgrade step of cases registered before regions were data, at every start-up; a database it has
 * brought up to date costs a few queries and changes nothing:
 * <ol>
 * <li>a running case without {@code regionCode} gets it where its {@code region} text names a region (by code,
 * name or alias, as at intake); the reporting table follows in the same transaction;</li>
 * <li>an open prosecutors' task (candidate group {@code prosecutors}) of a case with a region code gets the
 * region's office as a candidate group too, with the engine's public task API, which also gives that group
 * the engine's per-task grant: the tasks of an older process version, which offers them to {@code prosecutors}
 * only;</li>
 * <li>the reporting table's rows still without a region code (ended cases) get it where their region names one.</li>
 * </ol>
 * A case whose region names no region keeps none: the General Prosecutor's Office alone reads and works it.
 */
@Component
class RegionCodeBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(RegionCodeBackfill.class);
    private static final int PAGE = 500;

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Regions regions;
    private final CaseReportRegionCodes reportRegionCodes;
    private final CurrentUser currentUser;

    RegionCodeBackfill(RuntimeService runtimeService, TaskService taskService, Regions regions,
                       CaseReportRegionCodes reportRegionCodes, CurrentUser currentUser) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.regions = regions;
        this.reportRegionCodes = reportRegionCodes;
        this.currentUser = currentUser;
    }

    /** After the reporting table's own backfill (its rows exist), before the grants narrow the new task grants. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    public void onStart() {
        Result result = currentUser.withoutEngineChecks(this::backfill);
        if (result.cases() + result.tasks() + result.reportRows() > 0) {
            LOG.info("Regions of earlier cases: {} running case(s) got their region code, {} open task(s) their "
                    + "regional office, {} reporting row(s) their region code", result.cases(), result.tasks(),
                    result.reportRows());
        }
    }

    /** How many cases, tasks and reporting rows the step changed. */
    record Result(int cases, int tasks, int reportRows) {
    }

    Result backfill() {
        Map<String, String> codeOfCase = new HashMap<>();
        int cases = 0;
        long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
        for (int first = 0; first < running; first += PAGE) {
            List<String> ids = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .orderByProcessInstanceId().asc().listPage(first, PAGE).stream().map(ProcessInstance::getId)
                    .toList();
            if (ids.isEmpty()) {
                break;
            }
            Map<String, Map<String, Object>> values = caseValues(ids);
            for (String id : ids) {
                Map<String, Object> own = values.getOrDefault(id, Map.of());
                if (own.get(REGION_CODE) instanceof String code) {
                    codeOfCase.put(id, code);
                } else if (own.get(REGION) instanceof String text) {
                    Region region = regions.find(text).orElse(null);
                    if (region != null) {
                        runtimeService.setVariable(id, REGION_CODE, region.code());
                        codeOfCase.put(id, region.code());
                        cases++;
                    }
                }
            }
        }
        int tasks = offerOpenTasksToTheirOffice(codeOfCase);
        int rows = reportRegionCodes.fill(text -> regions.find(text).map(Region::code));
        return new Result(cases, tasks, rows);
    }

    /** The case-scope values of {@code region} and {@code regionCode} of these cases, by process instance id. */
    private Map<String, Map<String, Object>> caseValues(List<String> processInstanceIds) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).variableNameIn(REGION, REGION_CODE)
                .list()) {
            if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getTaskId() == null) {
                values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    /** The open prosecutors' tasks without a regional office among their candidates get their case's office. */
    private int offerOpenTasksToTheirOffice(Map<String, String> codeOfCase) {
        List<String> offices = regions.all().stream().map(Region::prosecutorsGroup).toList();
        Set<String> offered = new HashSet<>();
        taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskCandidateGroupIn(offices)
                .includeAssignedTasks().list().forEach(task -> offered.add(task.getId()));
        int tasks = 0;
        for (Task task : taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .taskCandidateGroup(CurrentUser.PROSECUTORS).includeAssignedTasks().list()) {
            String code = codeOfCase.get(task.getProcessInstanceId());
            Region region = code == null ? null : regions.byCode(code).orElse(null);
            if (region != null && !offered.contains(task.getId())) {
                taskService.addCandidateGroup(task.getId(), region.prosecutorsGroup());
                tasks++;
            }
        }
        return tasks;
    }
}
