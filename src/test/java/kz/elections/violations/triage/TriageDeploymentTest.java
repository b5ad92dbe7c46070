package kz.elections.violations.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import kz.elections.violations.support.ComplaintTestSupport;
import kz.elections.violations.support.HttpApi.Answer;
import org.junit.jupiter.api.Test;

/**
 * Revisions of the triage from Camunda Modeler: the triage's form may have {@code caseNumber} (a case form
 * may not), never what the application writes of the triage; a user task bound to the triage's completion
 * rules is accepted, one bound to rules that do not exist is refused; only admins deploy.
 */
class TriageDeploymentTest extends ComplaintTestSupport {

    private static final String FORM = "{\"id\":\"%s\",\"type\":\"default\",\"schemaVersion\":16,\"components\":"
            + "[{\"type\":\"radio\",\"key\":\"triageDecision\"},{\"type\":\"textfield\",\"key\":\"%s\"}]}";

    private static String process(String listener) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="triage-safety">
                  <process id="TriageRevisionCheck" isExecutable="true" camunda:historyTimeToLive="30">
                    <startEvent id="Start"/><sequenceFlow id="Flow1" sourceRef="Start" targetRef="Task"/>
                    <userTask id="Task" camunda:dueDate="P1D"><extensionElements>
                      <camunda:taskListener event="complete" expression="%s"/></extensionElements></userTask>
                    <sequenceFlow id="Flow2" sourceRef="Task" targetRef="End"/><endEvent id="End"/>
                  </process>
                </definitions>
                """.formatted(listener);
    }

    private long deployments() {
        return processEngine.getRepositoryService().createDeploymentQuery().count();
    }

    @Test
    void theTriagesFormAndRulesAreCheckedAsTheCasesAre() throws Exception {
        long before = deployments();
        Answer written = http.deploy("demo", "triage-complaint.form", FORM.formatted("triage-complaint", "trackingNumber"));
        assertThat(written.status()).as(written.text()).isEqualTo(400);
        assertThat(written.text()).contains("[trackingNumber]", "only the application");
        Answer caseNumberElsewhere = http.deploy("demo", "check-fact.form", FORM.formatted("check-fact", "caseNumber"));
        assertThat(caseNumberElsewhere.status()).isEqualTo(400);
        assertThat(caseNumberElsewhere.text()).contains("[caseNumber]");
        Answer unknownRules = http.deploy("demo", "triage-check.bpmn", process("${complaintTriageRules.accept(task)}"));
        assertThat(unknownRules.status()).isEqualTo(400);
        assertThat(unknownRules.text()).contains("Task has no completion rules", "complaintTriageRules.triage(task)");
        assertThat(http.deploy("prosecutor", "triage-complaint.form", Files.readString(
                Path.of("forms/triage-complaint.form"))).status()).isEqualTo(403);
        assertThat(deployments()).isEqualTo(before);

        Answer bound = http.deploy("demo", "triage-check.bpmn", process("${complaintTriageRules.triage(task)}"));
        assertThat(bound.status()).as(bound.text()).isEqualTo(200);
        // the bundled form itself, with caseNumber and the case's fields, deploys as it is
        assertThat(http.deploy("demo", "triage-complaint.form", Files.readString(Path.of("forms/triage-complaint.form"))
                .replace("Шешім / Решение", "Шешім / Решение (revised)")).status()).isEqualTo(200);
    }
}
