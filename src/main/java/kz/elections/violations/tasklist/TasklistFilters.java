package kz.elections.violations.tasklist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Tasklist filters every staff member finds: the tasks of their own groups (prosecutors, the CEC,
 * their district commission), the tasks they claimed, and of their groups' tasks the overdue ones and
 * the ones due within 24 hours. Every filter lists the earliest due date first and shows on each task
 * the case number, the offender, the article and the election ({@link TaskListColumns}).
 * <p>
 * Written at every start-up as the whole truth: a filter is found by its {@link #KEY} property, or by
 * any name it has had, and brought to today's definition in place (same id, so the grants on it stay);
 * a second filter of the same definition is deleted.
 */
@Component
public class TasklistFilters {

    private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

    /** The property that names a filter's definition whatever its display name. */
    public static final String KEY = "electionViolationsFilter";

    public static final String GROUP_TASKS = "Тобымның тапсырмалары / Задачи моей группы";
    public static final String MY_TASKS = "Менің тапсырмаларым / Мои задачи";
    public static final String OVERDUE = "Мерзімі өткен / Просроченные";
    public static final String DUE_WITHIN_24_HOURS = "24 сағат ішінде орындалатын / Срок в ближайшие 24 часа";

    /** The case's columns Tasklist shows on every task of a filter (see {@link TaskListColumns}). */
    static final List<Map<String, String>> CASE_COLUMNS = TaskListColumns.filterColumns();

    /** One filter as it must be: its key, its name (and earlier names), its place in the list and its query. */
    private record Definition(String key, String name, List<String> earlierNames, int priority, String description,
                              Supplier<TaskQuery> query) {
    }

    private final FilterService filterService;
    private final TaskService taskService;

    public TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    /** The names of the filters every user may read (the grants give READ on each). */
    public static List<String> names() {
        return List.of(GROUP_TASKS, MY_TASKS, OVERDUE, DUE_WITHIN_24_HOURS);
    }

    private List<Definition> definitions() {
        return List.of(
                new Definition("group-tasks", GROUP_TASKS, List.of("My group's tasks"), -10,
                        "Топтарыңыздың ашық тапсырмалары, мерзімі жақынырағы бірінші / "
                                + "Открытые задачи ваших групп, ближайший срок первым",
                        this::groupTasks),
                new Definition("my-tasks", MY_TASKS, List.of("My tasks"), -5,
                        "Өзіңіз алған тапсырмалар / Задачи, которые вы взяли",
                        () -> sortedByDueDate(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"))),
                new Definition("overdue", OVERDUE, List.of(), -8,
                        "Топтарыңыздың мерзімі өтіп кеткен тапсырмалары / Задачи ваших групп с истёкшим сроком",
                        () -> groupTasks().dueBeforeExpression("${now()}")),
                new Definition("due-within-24-hours", DUE_WITHIN_24_HOURS, List.of(), -7,
                        "Топтарыңыздың мерзімі келесі 24 сағатта бітетін тапсырмалары / "
                                + "Задачи ваших групп, срок которых истекает в ближайшие 24 часа",
                        () -> groupTasks().dueAfterExpression("${now()}")
                                .dueBeforeExpression("${dateTime().plusDays(1).toDate()}")));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void create() {
        List<Filter> existing = new ArrayList<>(filterService.createTaskFilterQuery().list());
        for (Definition definition : definitions()) {
            // the filter that has the key first: it is the one the start-up wrote before
            List<Filter> found = existing.stream().filter(filter -> isOf(filter, definition))
                    .sorted(Comparator.comparing((Filter filter) -> key(filter) == null)).toList();
            existing.removeAll(found);
            Filter filter = found.isEmpty() ? filterService.newTaskFilter() : found.get(0);
            for (Filter duplicate : found.subList(Math.min(1, found.size()), found.size())) {
                LOG.info("Tasklist filters: deleted a second filter '{}' ({})", duplicate.getName(), duplicate.getId());
                filterService.deleteFilter(duplicate.getId());
            }
            write(filter, definition);
        }
    }

    private static Object key(Filter filter) {
        Map<String, Object> properties = filter.getProperties();
        return properties == null ? null : properties.get(KEY);
    }

    private static boolean isOf(Filter filter, Definition definition) {
        Object key = key(filter);
        if (key != null) {
            return definition.key().equals(key);
        }
        return definition.name().equals(filter.getName()) || definition.earlierNames().contains(filter.getName());
    }

    private void write(Filter filter, Definition definition) {
        if (filter.getId() != null && !definition.name().equals(filter.getName())) {
            LOG.info("Tasklist filters: '{}' renamed to '{}'", filter.getName(), definition.name());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(KEY, definition.key());
        properties.put("description", definition.description());
        properties.put("priority", definition.priority());
        properties.put("refresh", true);
        properties.put("variables", CASE_COLUMNS);
        filter.setName(definition.name());
        filter.setOwner(null);
        filter.setProperties(properties);
        filter.setQuery(definition.query().get());
        filterService.saveFilter(filter);
    }

    private TaskQuery groupTasks() {
        return sortedByDueDate(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks());
    }

    /** The earliest due date first, then the oldest task. */
    private static TaskQuery sortedByDueDate(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }
}
