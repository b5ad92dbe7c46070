package kz.elections.violations.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every user task of a case is due as the table TaskDeadlines says, counted from the moment the task is
 * created; the registration tasks are due at the election's freeze and follow its calendar when it moves.
 */
class TaskDeadlinesTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    TaskDeadlines deadlines;
    @Autowired
    DueDateBackfill backfill;

    private Election election;
    private HttpApi http;

    @BeforeEach
    void electionOnTheNineteenthOfMarch() {
        http = new HttpApi(port);
        election = election("2023-03-19", "Asia/Almaty");
        // Wednesday 1 March 2023, 10:00 in Almaty (UTC+6 then)
        setClock("2023-03-01T10:00", "Asia/Almaty");
    }

    private static Date almaty(String localDateTime) {
        return Date.from(OffsetDateTime.parse(localDateTime + "+06:00").toInstant());
    }

    private Date due(String taskDefinitionKey) {
        return Date.from(deadlines.due(taskDefinitionKey, election,
                almaty("2023-03-01T10:00").toInstant()));
    }

    @Test
    void everyRowOfTheTableGivesItsTaskItsTerm() {
        // calendar days from the creation; checking a fact: the law's three days
        assertThat(due("Task_CheckFact")).isEqualTo(almaty("2023-03-04T10:00"));
        assertThat(due("Task_DecideConsent")).isEqualTo(almaty("2023-03-04T10:00"));
        assertThat(due("Task_HandToInvestigation")).isEqualTo(almaty("2023-03-02T10:00"));
        assertThat(due("Task_CancelExpelledObserverRegistration")).isEqualTo(almaty("2023-03-04T10:00"));
        assertThat(due("Task_CancelObserverRegistration")).isEqualTo(almaty("2023-03-04T10:00"));
        assertThat(due("Task_SubmitAccreditationRevocation")).isEqualTo(almaty("2023-03-04T10:00"));
        assertThat(due("Task_RevokeAccreditation")).isEqualTo(almaty("2023-03-06T10:00"));
        // ten working days after 1 March, 8 March a public holiday: the end of 16 March
        assertThat(due("Task_RecordCourtRuling")).isEqualTo(almaty("2023-03-17T00:00"));
        assertThat(due("Task_RecordAppealDecision")).isEqualTo(almaty("2023-03-17T00:00"));
        // the election's freeze, D-2 00:00
        assertThat(due("Task_CancelRegistration")).isEqualTo(almaty("2023-03-17T00:00"));
        assertThat(due("Task_RestoreRegistration")).isEqualTo(almaty("2023-03-17T00:00"));
        // checking a fact that arrives less than five days before voting day is due at once
        Instant fiveDaysBefore = almaty("2023-03-14T09:00").toInstant();
        Instant fourDaysBefore = almaty("2023-03-15T09:00").toInstant();
        assertThat(deadlines.due("Task_CheckFact", election, fiveDaysBefore))
                .isEqualTo(almaty("2023-03-17T09:00").toInstant());
        assertThat(deadlines.due("Task_CheckFact", election, fourDaysBefore)).isEqualTo(fourDaysBefore);
        assertThat(deadlines.due("Task_CheckFact", election, almaty("2023-03-19T12:00").toInstant()))
                .isEqualTo(almaty("2023-03-19T12:00").toInstant());
        // a task the table does not name
        assertThat(due("Task_AddedByARevision")).isEqualTo(almaty("2023-03-06T10:00"));
    }

    @Test
    void aCandidatesCaseHasADueDateOnEveryTaskAndTheRegistrationTasksFollowTheElectionsCalendar() {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
        assertThat(task(instance).getDueDate()).isEqualTo(almaty("2023-03-04T10:00"));

        setClock("2023-03-02T09:00", "Asia/Almaty");
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");
        assertThat(task(instance).getDueDate()).isEqualTo(almaty("2023-03-05T09:00"));

        complete(task(instance), withVariables("consentGranted", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");
        // ten working days after Thursday 2 March (8 March a holiday): the end of Friday 17 March
        assertThat(task(instance).getDueDate()).isEqualTo(almaty("2023-03-18T00:00"));

        complete(task(instance), withVariables("rulingOutcome", "FINE", "fineMci", 20,
                "abbreviatedProcedure", false, "rulingDate", "2023-03-02"));
        runtimeService.createMessageCorrelation("AppealFiled").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordAppealDecision");
        assertThat(task(instance).getDueDate()).isEqualTo(almaty("2023-03-18T00:00"));

        complete(task(instance), withVariables("appealUpheld", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        Task cancellation = task(instance);
        assertThat(cancellation.getDueDate()).isEqualTo(Date.from(election.registrationFreezeFrom()))
                .isEqualTo(almaty("2023-03-17T00:00"));
        assertThat(runtimeService.getVariable(instance.getId(), "registrationFreezeFromText"))
                .isEqualTo("17.03.2023 00:00 (Asia/Almaty)");

        // the staff's views: the engine's REST API and the case API
        JsonNode engineTask = http.get("commission1", "/engine-rest/task?processInstanceId=" + instance.getId())
                .body().get(0);
        assertThat(Instant.from(OffsetDateTime.parse(engineTask.get("due").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))))
                .isEqualTo(almaty("2023-03-17T00:00").toInstant());
        JsonNode openTask = http.get("commission1", "/api/cases/" + instance.getBusinessKey()).body()
                .at("/openTasks/0");
        assertThat(openTask.get("taskDefinitionKey").asText()).isEqualTo("Task_CancelRegistration");
        assertThat(Instant.parse(openTask.get("due").asText())).isEqualTo(almaty("2023-03-17T00:00").toInstant());

        // the election is postponed by a week through the API: the freeze moves to 24 March
        var moved = http.put("demo", "/api/elections/" + election.id(),
                new ElectionRequest(election.name(), "MAZHILIS", "2023-03-26", "Asia/Almaty"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(task(instance).getDueDate()).isEqualTo(almaty("2023-03-24T00:00"));
        assertThat(runtimeService.getVariable(instance.getId(), "registrationFreezeFromText"))
                .isEqualTo("24.03.2023 00:00 (Asia/Almaty)");

        // the ruling is quashed: the restoration is due at the (moved) freeze too, and follows the next move
        complete(task(instance), withVariables("decisionNumber", "7/1"));
        runtimeService.createMessageCorrelation("RulingQuashed").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RestoreRegistration");
        assertThat(task(instance).getDueDate()).isEqualTo(almaty("2023-03-24T00:00"));
        elections.update(election.id(), new ElectionRequest(election.name(), "MAZHILIS", "2023-03-22", "Asia/Almaty"));
        assertThat(task(instance).getDueDate()).isEqualTo(almaty("2023-03-20T00:00"));
        assertThat(runtimeService.getVariable(instance.getId(), "registrationFreezeFromText"))
                .isEqualTo("20.03.2023 00:00 (Asia/Almaty)");
    }

    @Test
    void aCalendarChangeLeavesTheTermsThatDoNotDependOnIt() {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        Date checkDue = task(instance).getDueDate();
        assertThat(checkDue).isEqualTo(almaty("2023-03-04T10:00"));
        elections.update(election.id(), new ElectionRequest(election.name(), "MAZHILIS", "2023-03-26", "Asia/Almaty"));
        assertThat(task(instance).getDueDate()).isEqualTo(checkDue);
        assertThat(runtimeService.getVariable(instance.getId(), "registrationFreezeFromText")).isNull();
    }

    @Test
    void openTasksOfEarlierCasesGetTheirDueDateAtStartUp() {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        // a task as a case of process version 1.3.0 has it: no due date
        Task check = task(instance);
        check.setDueDate(null);
        processEngine.getTaskService().saveTask(check);
        assertThat(task(instance).getDueDate()).isNull();

        setClock("2023-03-03T12:00", "Asia/Almaty");
        assertThat(backfill.dateTasksWithoutDueDate()).isGreaterThanOrEqualTo(1);
        // counted from the task's creation, not from the start-up
        assertThat(task(instance).getDueDate()).isEqualTo(almaty("2023-03-04T10:00"));
    }
}
