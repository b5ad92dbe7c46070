package kz.elections.violations.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kz.elections.violations.completion.TaskCompletionRules;
import kz.elections.violations.integrity.FormFields;
import kz.elections.violations.triage.TriageRules;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment whose BPMN references a Camunda Form or a DMN decision that exists neither in
 * the deployment nor among the deployed ones, with a message naming the element and the missing
 * reference (HTTP 400 from the engine's REST API), and one whose user task has no completion rules or
 * no due date. The engine itself refuses a file that does not
 * parse or lacks a history time to live; this check runs before the engine's deployers, so a refused
 * deployment changes nothing.
 */
@Component
public class DeploymentReferenceCheck extends AbstractProcessEnginePlugin implements Deployer {

    private static final java.util.regex.Pattern COMPLETION_RULES =
            java.util.regex.Pattern.compile("\\$\\{(taskCompletionRules|" + TriageRules.BEAN + ")\\.(\\w+)\\(task\\)}");

    private final JdbcTemplate jdbc;

    public DeploymentReferenceCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(this);
        configuration.setCustomPreDeployers(deployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        Set<String> formsHere = new HashSet<>();
        Set<String> decisionsHere = new HashSet<>();
        List<BpmnModelInstance> processes = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            try {
                if (name.endsWith(".form")) {
                    formsHere.add(BundledResource.formId(resource.getBytes()));
                } else if (name.endsWith(".dmn")) {
                    Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
                            .getModelElementsByType(Decision.class).forEach(d -> decisionsHere.add(d.getId()));
                } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                    processes.add(Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
                }
            } catch (RuntimeException unreadable) {
                refuseMalformedXml(name, unreadable);
                // anything else the engine's own parser reports
            }
            if (name.endsWith(".form")) {
                refuseApplicationFields(name, resource.getBytes());
            }
        }
        List<String> missing = new ArrayList<>();
        for (BpmnModelInstance process : processes) {
            for (UserTask task : process.getModelElementsByType(UserTask.class)) {
                checkForm(task.getId(), task.getCamundaFormRef(), formsHere, missing);
                checkCompletionRules(task, missing);
                checkDueDate(task, missing);
            }
            for (StartEvent start : process.getModelElementsByType(StartEvent.class)) {
                checkForm(start.getId(), start.getCamundaFormRef(), formsHere, missing);
            }
            for (BusinessRuleTask task : process.getModelElementsByType(BusinessRuleTask.class)) {
                String decision = task.getCamundaDecisionRef();
                if (isStatic(decision) && !decisionsHere.contains(decision) && !decisionDeployed(decision)) {
                    missing.add(task.getId() + " references decision '" + decision
                            + "', which is neither in this deployment nor deployed");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new BadUserRequestException("Deployment refused: " + String.join("; ", missing));
        }
    }

    /**
     * A form never sets what only the application writes (the case's record, the decisions' outputs; for
     * the triage's form, the triage's own): the integrity gate would refuse every completion of it, so the
     * deployment is refused instead.
     */
    private static void refuseApplicationFields(String name, byte[] form) {
        Set<String> fields;
        Set<String> writtenByTheApplication;
        try {
            fields = FormFields.inputKeys(form);
            writtenByTheApplication = FormFields.writtenByTheApplicationWhereUsed(BundledResource.formId(form));
        } catch (java.io.IOException | RuntimeException unreadable) {
            return; // the form's own parser reports it
        }
        List<String> written = fields.stream().filter(writtenByTheApplication::contains).sorted().toList();
        if (!written.isEmpty()) {
            throw new BadUserRequestException("Deployment refused: form '" + name + "' has field(s) " + written
                    + ", which only the application's own steps write");
        }
    }

    /**
     * A file that is not well-formed or not valid against the BPMN/DMN schema is bad input (400 with
     * the parser's message), not a server error.
     */
    private static void refuseMalformedXml(String name, RuntimeException problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.xml.sax.SAXException invalid) {
                throw new BadUserRequestException("Deployment refused: could not parse '" + name + "': "
                        + invalid.getMessage());
            }
        }
    }

    /**
     * Every user task names its completion rules where it is declared: a complete listener
     * {@code ${taskCompletionRules.<rules>(task)}} with one of {@link TaskCompletionRules#RULES} (or the
     * dispatcher {@code check} of earlier versions), or for a complaint's triage
     * {@code ${complaintTriageRules.triage(task)}} ({@link TriageRules}). A process may say that it has none with the process
     * property {@code completionRules = none}.
     */
    private static void checkCompletionRules(UserTask task, List<String> missing) {
        if (declaresNone(task, "completionRules")) {
            return;
        }
        boolean bound = task.getExtensionElements() != null && task.getExtensionElements()
                .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .filter(listener -> "complete".equals(listener.getCamundaEvent()))
                .map(CamundaTaskListener::getCamundaExpression).filter(java.util.Objects::nonNull)
                .map(COMPLETION_RULES::matcher).anyMatch(rule -> rule.matches() && (TriageRules.BEAN.equals(rule.group(1))
                        ? TriageRules.RULES.contains(rule.group(2))
                        : TaskCompletionRules.RULES.contains(rule.group(2)) || "check".equals(rule.group(2))));
        if (!bound) {
            missing.add(task.getId() + " has no completion rules: give it a complete listener "
                    + "${taskCompletionRules.<rules>(task)} with one of " + new java.util.TreeSet<>(TaskCompletionRules.RULES)
                    + " (a complaint's triage: ${" + TriageRules.BEAN + ".triage(task)})");
        }
    }

    /**
     * Every user task has a due date: {@code camunda:dueDate}, for the case's tasks
     * {@code ${taskDeadlines.dueDate(execution)}} (the table TaskDeadlines). A process may say that its
     * tasks have none with the process property {@code dueDates = none}.
     */
    private static void checkDueDate(UserTask task, List<String> missing) {
        if (declaresNone(task, "dueDates")) {
            return;
        }
        String dueDate = task.getCamundaDueDate();
        if (dueDate == null || dueDate.isBlank()) {
            missing.add(task.getId() + " has no due date: give it camunda:dueDate=\"${taskDeadlines.dueDate(execution)}\""
                    + " (the table TaskDeadlines) or another date or ISO-8601 duration");
        }
    }

    /** Whether the task's process declares that it has none of these, by the process property {@code <name> = none}. */
    private static boolean declaresNone(UserTask task, String name) {
        ModelElementInstance scope = task.getParentElement();
        while (scope != null && !(scope instanceof org.camunda.bpm.model.bpmn.instance.Process)) {
            scope = scope.getParentElement();
        }
        if (!(scope instanceof org.camunda.bpm.model.bpmn.instance.Process process)
                || process.getExtensionElements() == null) {
            return false;
        }
        return process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                .stream().flatMap(properties -> properties.getCamundaProperties().stream())
                .anyMatch(property -> name.equals(property.getCamundaName())
                        && "none".equals(property.getCamundaValue()));
    }

    private void checkForm(String elementId, String formRef, Set<String> formsHere, List<String> missing) {
        if (isStatic(formRef) && !formsHere.contains(formRef) && !formDeployed(formRef)) {
            missing.add(elementId + " references form '" + formRef + "', which is neither in this deployment nor deployed");
        }
    }

    private static boolean isStatic(String reference) {
        return reference != null && !reference.isBlank() && !reference.contains("${") && !reference.contains("#{");
    }

    private boolean formDeployed(String key) {
        Integer count = jdbc.queryForObject("select count(*) from ACT_RE_CAMFORMDEF where KEY_ = ?", Integer.class, key);
        return count != null && count > 0;
    }

    private boolean decisionDeployed(String key) {
        return Context.getProcessEngineConfiguration().getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).count() > 0;
    }
}
