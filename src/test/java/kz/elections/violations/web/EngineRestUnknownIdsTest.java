package kz.elections.violations.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Which of the engine's failures mean an unknown id of the path, and which stay as they are. */
class EngineRestUnknownIdsTest {

    private final EngineRestUnknownIds filter = new EngineRestUnknownIds();

    private String missing(String uri, String body) {
        return filter.missingMessage(uri, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEnginesWordsForAMissingIdOfThePathAreNotFound() {
        assertThat(missing("/engine-rest/task/abc-1/variables",
                "{\"type\":\"NullValueException\",\"message\":\"task abc-1 doesn't exist: task is null\"}"))
                .isEqualTo("task abc-1 doesn't exist: task is null");
        assertThat(missing("/engine-rest/job/j1/retries",
                "{\"type\":\"InvalidRequestException\",\"message\":\"ENGINE-13053 No job found with id 'j1'.'\"}"))
                .isNotNull();
        assertThat(missing("/camunda/api/engine/engine/default/task/t9/form-variables",
                "{\"type\":\"BadUserRequestException\",\"message\":\"Cannot find task with id 't9'.: task is null\"}"))
                .isNotNull();
        assertThat(missing("/engine-rest/process-definition/p1/history-time-to-live", "{\"type\":\"NullPointerException\","
                + "\"message\":\"Cannot invoke \\\"X.getHistoryTimeToLive()\\\" because \\\"processDefinitionEntity\\\" is null\"}"))
                .isEqualTo("process-definition p1 does not exist");
    }

    @Test
    void everyOtherFailureStaysAsTheEngineAnsweredIt() {
        // missing, but not what the path addresses: an element the body names
        assertThat(missing("/engine-rest/process-instance/pi-1/modification",
                "{\"type\":\"ProcessEngineException\",\"message\":\"Element 'Task_X' does not exist in process 'P'\"}"))
                .isNull();
        // the path's id in a failure that says nothing is missing
        assertThat(missing("/engine-rest/task/t1/complete",
                "{\"type\":\"ProcessEngineException\",\"message\":\"Cannot complete task t1: connection refused\"}"))
                .isNull();
        // a resource word of the path is not an id
        assertThat(missing("/engine-rest/task/t1/variables",
                "{\"type\":\"NullValueException\",\"message\":\"variables is null\"}")).isNull();
        // a null pointer in the engine about something else than the addressed resource
        assertThat(missing("/engine-rest/task/t1/deployed-form", "{\"type\":\"NullPointerException\","
                + "\"message\":\"Cannot invoke \\\"X.getKey()\\\" because \\\"formRef\\\" is null\"}")).isNull();
        assertThat(missing("/engine-rest/task/t1", "not json")).isNull();
    }
}
