package kz.elections.violations.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A broken deployment from Camunda Modeler (the engine REST API) is refused with a clear message; nothing changes. */
class DeploymentSafetyTest extends CaseTestSupport {

    @LocalServerPort
    int port;

    private Answer deploy(String user, String fileName, String content) {
        return new HttpApi(port).deploy(user, fileName, content);
    }

    private static final String RULES = "<extensionElements><camunda:taskListener event=\"complete\" "
            + "expression=\"${taskCompletionRules.checkFact(task)}\"/></extensionElements>";

    private static String process(String key, String attributes, String task) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="safety">
                  <process id="%s" isExecutable="true" %s>
                    <startEvent id="Start"/><sequenceFlow id="Flow1" sourceRef="Start" targetRef="Task"/>
                    %s<sequenceFlow id="Flow2" sourceRef="Task" targetRef="End"/>
                    <endEvent id="End"/>
                  </process>
                </definitions>
                """.formatted(key, attributes, task);
    }

    private long definitions() {
        return processEngine.getRepositoryService().createProcessDefinitionQuery().count();
    }

    @Test
    void brokenDeploymentsAreRefusedWithTheReasonAndChangeNothing() {
        ProcessInstance running = startCase(election(LocalDate.now(ZoneId.of("Asia/Almaty")).plusDays(30).toString(),
                "Asia/Almaty"), "CITIZEN", "114", LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(1).toString());
        long before = definitions();

        Answer unparseable = deploy("demo", "violation-case.bpmn", "<definitions><process id=\"ViolationCase\"");
        assertThat(unparseable.status()).as(unparseable.text()).isEqualTo(400);
        assertThat(unparseable.text()).containsIgnoringCase("pars");

        Answer noTimeToLive = deploy("demo", "violation-case.bpmn",
                process("ViolationCase", "", "<serviceTask id=\"Task\" camunda:expression=\"${true}\"/>"));
        assertThat(noTimeToLive.status()).isEqualTo(400);
        assertThat(noTimeToLive.text()).contains("History Time To Live");

        Answer missingForm = deploy("demo", "violation-case.bpmn", process("ViolationCase",
                "camunda:historyTimeToLive=\"30\"", "<userTask id=\"Task\" camunda:formRef=\"no-such-form\" "
                        + "camunda:formRefBinding=\"latest\">" + RULES + "</userTask>"));
        assertThat(missingForm.status()).isEqualTo(400);
        assertThat(missingForm.text()).contains("Task references form 'no-such-form'");

        Answer missingDecision = deploy("demo", "violation-case.bpmn", process("ViolationCase",
                "camunda:historyTimeToLive=\"30\"", "<businessRuleTask id=\"Task\" camunda:decisionRef=\"NoSuchDecision\" "
                        + "camunda:mapDecisionResult=\"singleEntry\" camunda:resultVariable=\"x\"/>"));
        assertThat(missingDecision.status()).isEqualTo(400);
        assertThat(missingDecision.text()).contains("Task references decision 'NoSuchDecision'");

        long deployments = processEngine.getRepositoryService().createDeploymentQuery().count();
        Answer recordField = deploy("demo", "check-fact.form", "{\"id\":\"check-fact\",\"type\":\"default\","
                + "\"schemaVersion\":16,\"components\":[{\"type\":\"checkbox\",\"key\":\"factConfirmed\"},"
                + "{\"type\":\"select\",\"key\":\"registration\"}]}");
        assertThat(recordField.status()).isEqualTo(400);
        assertThat(recordField.text()).contains("[registration]", "only the application");
        assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);

        // a user task that names no completion rules: renaming or adding a task cannot switch its checks off
        Answer unbound = deploy("demo", "probe.bpmn", process("SafetyProbe", "camunda:historyTimeToLive=\"30\"",
                "<userTask id=\"Task\" camunda:dueDate=\"P1D\" camunda:formRef=\"check-fact\" camunda:formRefBinding=\"latest\"/>"));
        assertThat(unbound.status()).isEqualTo(400);
        assertThat(unbound.text()).contains("Task has no completion rules");
        Answer unknownRules = deploy("demo", "probe.bpmn", process("SafetyProbe", "camunda:historyTimeToLive=\"30\"",
                "<userTask id=\"Task\"><extensionElements><camunda:taskListener event=\"complete\" "
                        + "expression=\"${taskCompletionRules.anything(task)}\"/></extensionElements></userTask>"));
        assertThat(unknownRules.status()).isEqualTo(400);
        assertThat(unknownRules.text()).contains("Task has no completion rules");

        // a user task without a due date: every task has one (the table TaskDeadlines for the case's tasks)
        Answer noDueDate = deploy("demo", "probe.bpmn", process("SafetyProbe", "camunda:historyTimeToLive=\"30\"",
                "<userTask id=\"Task\" camunda:formRef=\"check-fact\" camunda:formRefBinding=\"latest\">" + RULES
                        + "</userTask>"));
        assertThat(noDueDate.status()).isEqualTo(400);
        assertThat(noDueDate.text()).contains("Task has no due date", "taskDeadlines.dueDate(execution)");

        assertThat(deploy("prosecutor", "probe.bpmn", process("SafetyProbe", "camunda:historyTimeToLive=\"30\"",
                "<userTask id=\"Task\" camunda:dueDate=\"P1D\" camunda:formRef=\"check-fact\" camunda:formRefBinding=\"latest\">" + RULES
                        + "</userTask>")).status()).isEqualTo(403);

        assertThat(definitions()).isEqualTo(before);
        BpmnAwareTests.assertThat(running).isWaitingAt("Task_CheckFact");

        // a correct one, referencing a deployed form and decision, is accepted
        Answer valid = deploy("demo", "probe.bpmn", process("SafetyProbe", "camunda:historyTimeToLive=\"30\"",
                "<userTask id=\"Task\" camunda:dueDate=\"${taskDeadlines.dueDate(execution)}\" camunda:formRef=\"check-fact\" camunda:formRefBinding=\"latest\">" + RULES
                        + "</userTask>"));
        assertThat(valid.status()).as(valid.text()).isEqualTo(200);
        assertThat(definitions()).isEqualTo(before + 1);
    }
}
