package kz.elections.violations.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.grants.AccessRules;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each group's Tasklist filters, executed over the engine REST API as the demo users execute them in
 * Tasklist: the earliest due date first, the overdue and due-within-24-hours filters following the
 * engine's clock, the case's columns, and the start-up's writing of the filters (in place, once).
 */
class TasklistFiltersTest extends CaseTestSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @LocalServerPort
    int port;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    AccessRules accessRules;
    @Autowired
    TaskListColumns taskListColumns;

    HttpApi http;
    Election election;
    Instant start;

    @BeforeEach
    void setUp() {
        http = new HttpApi(port);
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        setClock(start);
        election = election(LocalDate.ofInstant(start, ALMATY).plusDays(40).toString(), "Asia/Almaty");
    }

    private ProcessInstance newCase() {
        return startCase(election, "CANDIDATE", "102", LocalDate.ofInstant(start, ALMATY).minusDays(3).toString());
    }

    private ProcessInstance caseAtConsent() {
        ProcessInstance instance = newCase();
        complete(task("Task_CheckFact", instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");
        return instance;
    }

    private ProcessInstance caseAtCancellation() {
        ProcessInstance instance = newCase();
        bringToLegalEffectWait(instance, LocalDate.ofInstant(start, ALMATY).toString());
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        return instance;
    }

    /** The case's open task is due this long after the test's start. */
    private void due(ProcessInstance instance, Duration after) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        task.setDueDate(Date.from(start.plus(after)));
        taskService.saveTask(task);
    }

    private String filterId(String user, String name) {
        Answer filters = http.get(user, "/engine-rest/filter?resourceType=Task");
        assertThat(filters.status()).as(filters.text()).isEqualTo(200);
        for (JsonNode filter : filters.body()) {
            if (name.equals(filter.path("name").asText())) {
                return filter.path("id").asText();
            }
        }
        throw new AssertionError(user + " does not see the filter " + name + ": " + filters.text());
    }

    /**
     * The filter's tasks among these cases, as the user executes it in Tasklist (which adds its own
     * sorting, newest first, unless the user picks another): the case numbers in the list's order.
     */
    private List<String> caseNumbersIn(String user, String filterName, ProcessInstance... instances) {
        List<String> ids = java.util.Arrays.stream(instances).map(ProcessInstance::getId).toList();
        Answer list = http.send(user, "POST", "/engine-rest/filter/" + filterId(user, filterName) + "/list",
                Map.of("processInstanceIdIn", ids, "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))),
                Map.of("Accept", "application/hal+json"));
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<String> caseNumbers = new ArrayList<>();
        for (JsonNode task : list.body().path("_embedded").path("task")) {
            String caseNumber = null;
            for (JsonNode variable : task.path("_embedded").path("variable")) {
                if ("listCaseNumber".equals(variable.path("name").asText())) {
                    caseNumber = variable.path("value").asText();
                }
            }
            caseNumbers.add(caseNumber);
        }
        return caseNumbers;
    }

    private static String caseNumber(ProcessInstance instance) {
        return instance.getBusinessKey();
    }

    @Test
    void prosecutorsSeeTheirTasksEarliestDueDateFirstAndTheOverdueAndTheDueSoonAsTheClockMoves() {
        // created one second apart, so that the newest first would be another order
        ProcessInstance dueIn30Hours = newCase();
        setClock(start.plusSeconds(1));
        ProcessInstance dueIn2Hours = newCase();
        setClock(start.plusSeconds(2));
        ProcessInstance dueIn50Hours = newCase();
        setClock(start);
        due(dueIn30Hours, Duration.ofHours(30));
        due(dueIn2Hours, Duration.ofHours(2));
        due(dueIn50Hours, Duration.ofHours(50));
        ProcessInstance[] cases = {dueIn30Hours, dueIn2Hours, dueIn50Hours};

        assertThat(caseNumbersIn("prosecutor", TasklistFilters.GROUP_TASKS, cases)).containsExactly(
                caseNumber(dueIn2Hours), caseNumber(dueIn30Hours), caseNumber(dueIn50Hours));
        assertThat(caseNumbersIn("prosecutor", TasklistFilters.OVERDUE, cases)).isEmpty();
        assertThat(caseNumbersIn("prosecutor", TasklistFilters.DUE_WITHIN_24_HOURS, cases))
                .containsExactly(caseNumber(dueIn2Hours));

        setClock(start.plus(Duration.ofHours(2)).minusSeconds(1));
        assertThat(caseNumbersIn("prosecutor", TasklistFilters.OVERDUE, cases)).isEmpty();

        setClock(start.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(caseNumbersIn("prosecutor", TasklistFilters.OVERDUE, cases)).containsExactly(caseNumber(dueIn2Hours));
        assertThat(caseNumbersIn("prosecutor", TasklistFilters.DUE_WITHIN_24_HOURS, cases)).isEmpty();

        setClock(start.plus(Duration.ofHours(10)));
        assertThat(caseNumbersIn("prosecutor", TasklistFilters.DUE_WITHIN_24_HOURS, cases))
                .containsExactly(caseNumber(dueIn30Hours));

        setClock(start.plus(Duration.ofHours(31)));
        assertThat(caseNumbersIn("prosecutor", TasklistFilters.OVERDUE, cases))
                .containsExactly(caseNumber(dueIn2Hours), caseNumber(dueIn30Hours));
        assertThat(caseNumbersIn("prosecutor", TasklistFilters.DUE_WITHIN_24_HOURS, cases))
                .containsExactly(caseNumber(dueIn50Hours));
        // the whole list keeps its order, overdue first
        assertThat(caseNumbersIn("prosecutor", TasklistFilters.GROUP_TASKS, cases)).containsExactly(
                caseNumber(dueIn2Hours), caseNumber(dueIn30Hours), caseNumber(dueIn50Hours));
        // another group sees none of them
        assertThat(caseNumbersIn("cec", TasklistFilters.GROUP_TASKS, cases)).isEmpty();
        assertThat(caseNumbersIn("cec", TasklistFilters.OVERDUE, cases)).isEmpty();
    }

    @Test
    void theCecAndTheCommissionSeeTheirTasksEarliestDueDateFirst() {
        ProcessInstance consentLater = caseAtConsent();
        setClock(start.plusSeconds(1));
        ProcessInstance consentSooner = caseAtConsent();
        due(consentLater, Duration.ofDays(3));
        due(consentSooner, Duration.ofHours(20));
        assertThat(caseNumbersIn("cec", TasklistFilters.GROUP_TASKS, consentLater, consentSooner))
                .containsExactly(caseNumber(consentSooner), caseNumber(consentLater));
        assertThat(caseNumbersIn("cec", TasklistFilters.DUE_WITHIN_24_HOURS, consentLater, consentSooner))
                .containsExactly(caseNumber(consentSooner));

        ProcessInstance cancelSooner = caseAtCancellation();
        setClock(start.plusSeconds(2));
        ProcessInstance cancelLater = caseAtCancellation();
        due(cancelLater, Duration.ofDays(5));
        due(cancelSooner, Duration.ofDays(4));
        assertThat(caseNumbersIn("commission1", TasklistFilters.GROUP_TASKS, cancelLater, cancelSooner))
                .containsExactly(caseNumber(cancelSooner), caseNumber(cancelLater));
        assertThat(caseNumbersIn("commission2", TasklistFilters.GROUP_TASKS, cancelLater, cancelSooner)).isEmpty();

        setClock(start.plus(Duration.ofDays(4)).plusSeconds(60));
        assertThat(caseNumbersIn("commission1", TasklistFilters.OVERDUE, cancelLater, cancelSooner))
                .containsExactly(caseNumber(cancelSooner));
        assertThat(caseNumbersIn("commission1", TasklistFilters.DUE_WITHIN_24_HOURS, cancelLater, cancelSooner))
                .containsExactly(caseNumber(cancelLater));
        assertThat(caseNumbersIn("cec", TasklistFilters.OVERDUE, consentLater, consentSooner))
                .containsExactly(caseNumber(consentSooner), caseNumber(consentLater));
    }

    @Test
    void theTaskListShowsTheCaseNumberTheOffenderTheArticleAndTheElection() {
        ProcessInstance instance = newCase();
        String id = filterId("prosecutor", TasklistFilters.GROUP_TASKS);

        JsonNode filter = http.get("prosecutor", "/engine-rest/filter/" + id).body();
        JsonNode columns = filter.path("properties").path("variables");
        // Tasklist's copies on the task of the case's caseNumber, offenderName, article and electionName
        assertThat(columns.findValuesAsText("name")).containsExactly("listCaseNumber", "listOffenderName",
                "listArticle", "listElectionName");
        assertThat(columns.findValuesAsText("label")).containsExactly("Іс нөмірі / Номер дела",
                "Құқық бұзушы / Нарушитель", "Бап / Статья", "Сайлау / Выборы");

        for (String user : List.of("prosecutor", "cec", "commission1", "commission2", "auditor")) {
            for (String name : TasklistFilters.names()) {
                JsonNode properties = http.get(user, "/engine-rest/filter/" + filterId(user, name)).body()
                        .path("properties");
                assertThat(properties.path("variables")).as(user + " " + name).isEqualTo(columns);
                assertThat(properties.path("description").asText()).as(name).contains(" / ");
            }
        }

        // each group reads the columns of its own tasks, though only prosecutors read the case's variables
        Map<String, ProcessInstance> caseOf = Map.of("prosecutor", instance, "cec", caseAtConsent(),
                "commission1", caseAtCancellation());
        caseOf.forEach((user, shownCase) -> {
            Answer list = http.send(user, "POST", "/engine-rest/filter/" + filterId(user, TasklistFilters.GROUP_TASKS)
                    + "/list", Map.of("processInstanceId", shownCase.getId()), Map.of("Accept", "application/hal+json"));
            assertThat(list.status()).as(list.text()).isEqualTo(200);
            JsonNode variables = list.body().path("_embedded").path("task").path(0).path("_embedded").path("variable");
            Map<String, String> shown = new java.util.HashMap<>();
            variables.forEach(variable -> shown.put(variable.path("name").asText(), variable.path("value").asText()));
            assertThat(shown).as(user).containsEntry("listCaseNumber", shownCase.getBusinessKey())
                    .containsEntry("listOffenderName", "Test Offender").containsEntry("listArticle", "102")
                    .containsEntry("listElectionName", election.name());
            assertThat(runtimeService.getVariable(shownCase.getId(), "electionName")).isEqualTo(election.name());
        });
        // another district's commission reads nothing of them
        assertThat(caseNumbersIn("commission2", TasklistFilters.GROUP_TASKS, caseOf.get("commission1"))).isEmpty();
    }

    @Test
    void aCaseRegisteredBeforeTheElectionsNameWasRecordedIsListedWithoutIt() {
        ProcessInstance older = newCase();
        runtimeService.removeVariable(older.getId(), "electionName");
        complete(task("Task_CheckFact", older), withVariables("factConfirmed", true));
        ProcessInstance newer = caseAtConsent();
        due(older, Duration.ofHours(1));
        due(newer, Duration.ofHours(2));

        assertThat(caseNumbersIn("cec", TasklistFilters.GROUP_TASKS, older, newer))
                .containsExactly(caseNumber(older), caseNumber(newer));
        String olderTask = taskService.createTaskQuery().processInstanceId(older.getId()).singleResult().getId();
        assertThat(taskService.getVariablesLocal(olderTask)).containsEntry("listCaseNumber", caseNumber(older))
                .doesNotContainKey("listElectionName");
    }

    @Test
    void anOpenTaskCreatedBeforeTheColumnsWereCopiedGetsThemAtStartUp() {
        // a task of an earlier version of the application: created before this start-up, without copies
        setClock(Instant.parse("2025-06-02T06:00:00Z"));
        Election earlier = election("2025-07-20", "Asia/Almaty");
        ProcessInstance instance = startCase(earlier, "CANDIDATE", "102", "2025-05-30");
        complete(task("Task_CheckFact", instance), withVariables("factConfirmed", true));
        String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        taskService.removeVariablesLocal(taskId, TaskListColumns.names());
        setClock(start);
        assertThat(caseNumbersIn("cec", TasklistFilters.GROUP_TASKS, instance)).containsExactly((String) null);

        taskListColumns.copyToOpenTasks();
        taskListColumns.copyToOpenTasks();

        assertThat(caseNumbersIn("cec", TasklistFilters.GROUP_TASKS, instance)).containsExactly(caseNumber(instance));
        assertThat(taskService.getVariablesLocal(taskId)).containsOnlyKeys(TaskListColumns.names())
                .containsEntry("listElectionName", earlier.name());
        assertThat(runtimeService.createVariableInstanceQuery().taskIdIn(taskId).count()).isEqualTo(4);
    }

    @Test
    void theStartUpBringsEarlierFiltersToTodaysDefinitionInPlaceAndCreatesNoneTwice() {
        Filter myTasks = filterService.createFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult();
        String myTasksId = myTasks.getId();
        String groupTasksId = filterService.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS)
                .singleResult().getId();
        try {
            // as an earlier version left it: an English name, no key, other columns
            myTasks.setName("My tasks");
            myTasks.setProperties(Map.of("description", "Tasks you claimed", "priority", -5,
                    "variables", List.of(Map.of("name", "region", "label", "Region"))));
            filterService.saveFilter(myTasks);
            // and a second filter of a definition
            filterService.saveFilter(filterService.newTaskFilter(TasklistFilters.GROUP_TASKS)
                    .setQuery(taskService.createTaskQuery()));

            tasklistFilters.create();
            tasklistFilters.create();

            for (String name : TasklistFilters.names()) {
                assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
            }
            assertThat(filterService.createFilterQuery().filterName("My tasks").count()).isZero();
            assertThat(filterService.createFilterQuery().filterName("My group's tasks").count()).isZero();
            Filter upgraded = filterService.getFilter(myTasksId);
            assertThat(upgraded.getName()).isEqualTo(TasklistFilters.MY_TASKS);
            assertThat(upgraded.getProperties()).containsEntry(TasklistFilters.KEY, "my-tasks")
                    .containsEntry("variables", TasklistFilters.CASE_COLUMNS);
            assertThat(filterService.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS).singleResult().getId())
                    .isEqualTo(groupTasksId);
        } finally {
            accessRules.apply();
        }
        // every staff member still reads every filter, under its own id
        for (String user : List.of("prosecutor", "cec", "commission1", "auditor")) {
            assertThat(filterId(user, TasklistFilters.MY_TASKS)).isEqualTo(myTasksId);
            assertThat(filterId(user, TasklistFilters.GROUP_TASKS)).isEqualTo(groupTasksId);
        }
    }
}
