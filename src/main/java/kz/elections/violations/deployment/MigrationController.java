package kz.elections.violations.deployment;

import java.util.List;
import java.util.Map;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.model.CaseVariables;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins move running cases to a new version of the process with the engine's migration API (the
 * same as {@code POST /engine-rest/migration/execute}, with the mapping of equal activities and the
 * timers' and messages' event triggers done for them). History stays with each case.
 */
@RestController
@RequestMapping("/api/admin/migrations")
public class MigrationController {

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final CurrentUser currentUser;

    public MigrationController(RuntimeService runtimeService, RepositoryService repositoryService,
                               CurrentUser currentUser) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.currentUser = currentUser;
    }

    public record MigrationResult(String sourceProcessDefinitionId, String targetProcessDefinitionId, long migrated) {
    }

    @PostMapping
    public MigrationResult migrate(@RequestBody MigrationRequest request) {
        currentUser.requireAdmin();
        if (request.sourceProcessDefinitionId() == null || request.sourceProcessDefinitionId().isBlank()) {
            throw new InvalidRequestException("sourceProcessDefinitionId", "is required");
        }
        String target = request.targetProcessDefinitionId();
        if (target == null || target.isBlank()) {
            ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(CaseVariables.PROCESS_KEY).latestVersion().singleResult();
            target = latest.getId();
        }
        try {
            MigrationPlanBuilder plan = runtimeService.createMigrationPlan(request.sourceProcessDefinitionId(), target)
                    .mapEqualActivities().updateEventTriggers();
            Map<String, String> mappings = request.activityMappings() == null ? Map.of() : request.activityMappings();
            BpmnModelInstance source = repositoryService.getBpmnModelInstance(request.sourceProcessDefinitionId());
            mappings.forEach((from, to) -> {
                var instruction = plan.mapActivities(from, to);
                if (source.getModelElementById(from) instanceof Event) {
                    // a renamed timer or message event: its job or subscription follows the new definition
                    instruction.updateEventTrigger();
                }
            });
            MigrationPlan built = plan.build();
            ProcessInstanceQuery cases = runtimeService.createProcessInstanceQuery()
                    .processDefinitionId(request.sourceProcessDefinitionId());
            List<String> ids = request.processInstanceIds();
            if (ids != null && !ids.isEmpty()) {
                cases.processInstanceIds(new java.util.HashSet<>(ids));
            }
            long count = cases.count();
            if (count > 0) {
                runtimeService.newMigration(built).processInstanceQuery(cases).execute();
            }
            return new MigrationResult(request.sourceProcessDefinitionId(), target, count);
        } catch (MigrationPlanValidationException | MigratingProcessInstanceValidationException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("activityMappings", e.getMessage())));
        }
    }
}
