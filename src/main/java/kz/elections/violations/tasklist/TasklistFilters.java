package kz.elections.violations.tasklist;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasklist filters every user finds: the tasks of their own groups (prosecutors, the CEC, their
 * district commission) and the tasks they claimed. Created once; a restart adds none twice.
 */
@Component
public class TasklistFilters {

    public static final String GROUP_TASKS = "My group's tasks";
    public static final String MY_TASKS = "My tasks";

    private static final List<Map<String, String>> CASE_COLUMNS = List.of(
            Map.of("name", "caseNumber", "label", "Case"),
            Map.of("name", "offenderName", "label", "Offender"),
            Map.of("name", "article", "label", "Article"),
            Map.of("name", "region", "label", "Region"));

    private final FilterService filterService;
    private final TaskService taskService;

    public TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void create() {
        createIfMissing(GROUP_TASKS, -10, "Open tasks of the groups you belong to",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByTaskCreateTime().asc());
        createIfMissing(MY_TASKS, -5, "Tasks you claimed",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().asc());
    }

    private void createIfMissing(String name, int priority, String description, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of(
                        "description", description,
                        "priority", priority,
                        "refresh", true,
                        "variables", CASE_COLUMNS));
        filterService.saveFilter(filter);
    }
}
